import { formatNumber } from './format.ts';
import { bilingual, type Html, html } from './html.ts';

/** One report's value of an indicator, as the chart plots it. */
export interface ChartPoint {
  /** The entity, which joins its years by a line. */
  series: string;
  /** "小王庄镇 2023" under the point. */
  label: string;
  value: number;
}

const WIDTH = 360;
const HEIGHT = 150;
const PAD = { top: 18, right: 16, bottom: 34, left: 16 };
const LABEL_CHARS = 11;

/**
 * A small dot chart in inline SVG (no library, no request, colours as presentation attributes so
 * the CSP's style-src needs nothing inline): one dot per report, the years of one entity joined.
 * The same values are in the table next to it.
 */
export function indicatorChart(
  anchor: string,
  caption: Html,
  unit: string,
  points: readonly ChartPoint[],
): Html {
  if (points.length === 0) return html``;
  const values = points.map((p) => p.value);
  const low = Math.min(0, ...values);
  const high = Math.max(0, ...values);
  const span = high - low || 1;
  const step = (WIDTH - PAD.left - PAD.right) / points.length;
  const x = (i: number) => Math.round(PAD.left + step * (i + 0.5));
  const y = (v: number) => Math.round(PAD.top + (HEIGHT - PAD.top - PAD.bottom) * (1 - (v - low) / span));
  const lines = [...new Set(points.map((p) => p.series))].map((series) => {
    const at = points.flatMap((p, i) => (p.series === series ? [`${x(i)},${y(p.value)}`] : []));
    return at.length > 1
      ? html`<polyline points="${at.join(' ')}" fill="none" stroke="#4f86e0" stroke-width="2"></polyline>`
      : '';
  });
  const dots = points.map((p, i) => {
    const short = p.label.length > LABEL_CHARS ? `${p.label.slice(0, LABEL_CHARS - 1)}…` : p.label;
    return html`<g class="point"><title>${p.label}: ${formatNumber(p.value)} ${unit}</title>
<circle cx="${x(i)}" cy="${y(p.value)}" r="4" fill="#0b57d0"></circle>
<text x="${x(i)}" y="${y(p.value) - 8}" text-anchor="middle" fill="#1a1a1a">${formatNumber(p.value)}</text>
<text x="${x(i)}" y="${HEIGHT - 12}" text-anchor="middle" fill="#595959">${short}</text></g>`;
  });
  const summary = points.map((p) => `${p.label}: ${formatNumber(p.value)} ${unit}`).join('; ');
  return html`<figure class="indicator-chart"><figcaption id="${anchor}-chart">${caption}</figcaption>
<svg viewBox="0 0 ${WIDTH} ${HEIGHT}" width="${WIDTH}" height="${HEIGHT}" role="img" aria-labelledby="${anchor}-chart ${anchor}-desc" xmlns="http://www.w3.org/2000/svg">
<desc id="${anchor}-desc">${summary}</desc>
<line x1="${PAD.left}" x2="${WIDTH - PAD.right}" y1="${y(0)}" y2="${y(0)}" stroke="#9a9a9a" stroke-width="1"></line>
${lines}${dots}</svg>
<p class="visually-hidden">${bilingual('图中数值见左表。', 'The values are in the table.')}</p></figure>`;
}
