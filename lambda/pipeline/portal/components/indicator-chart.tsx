import type { ComponentChildren } from 'preact';
import { formatNumber } from '../format.ts';
import { Bilingual } from './bilingual.tsx';
import { ChartSvg } from './chart-svg.tsx';

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

export interface IndicatorChartProps {
  anchor: string;
  caption: ComponentChildren;
  unit: string;
  points: readonly ChartPoint[];
}

/**
 * A small dot chart in inline SVG (no library, no request, colours as presentation attributes so
 * the CSP's style-src needs nothing inline): one dot per report, the years of one entity joined.
 * The same values are in the table next to it.
 */
export function IndicatorChart({ anchor, caption, unit, points }: IndicatorChartProps) {
  if (points.length === 0) return null;
  const values = points.map((p) => p.value);
  const low = Math.min(0, ...values);
  const span = Math.max(0, ...values) - low || 1;
  const step = (WIDTH - PAD.left - PAD.right) / points.length;
  const x = (i: number) => Math.round(PAD.left + step * (i + 0.5));
  const y = (v: number) => Math.round(PAD.top + (HEIGHT - PAD.top - PAD.bottom) * (1 - (v - low) / span));
  const lines = [...new Set(points.map((p) => p.series))].map((series) => {
    const at = points.flatMap((p, i) => (p.series === series ? [`${x(i)},${y(p.value)}`] : []));
    return at.length > 1 ? (
      <polyline points={at.join(' ')} fill="none" stroke="#4f86e0" stroke-width="2" />
    ) : null;
  });
  const dots = points.map((p, i) => (
    <Dot label={p.label} value={p.value} unit={unit} x={x(i)} y={y(p.value)} />
  ));
  const summary = points.map((p) => `${p.label}: ${formatNumber(p.value)} ${unit}`).join('; ');
  return (
    <figure class="indicator-chart">
      <figcaption id={`${anchor}-chart`}>{caption}</figcaption>
      {'\n'}
      <ChartSvg
        width={WIDTH}
        height={HEIGHT}
        captionId={`${anchor}-chart`}
        descId={`${anchor}-desc`}
        summary={summary}
      >
        <line x1={PAD.left} x2={WIDTH - PAD.right} y1={y(0)} y2={y(0)} stroke="#9a9a9a" stroke-width="1" />
        {'\n'}
        {lines}
        {dots}
      </ChartSvg>
      {'\n'}
      <p class="visually-hidden">
        <Bilingual zh="图中数值见左表。" en="The values are in the table." />
      </p>
    </figure>
  );
}

interface DotProps {
  label: string;
  value: number;
  unit: string;
  x: number;
  y: number;
}

function Dot({ label, value, unit, x, y }: DotProps) {
  const short = label.length > LABEL_CHARS ? `${label.slice(0, LABEL_CHARS - 1)}…` : label;
  return (
    <g class="point">
      <title>
        {label}: {formatNumber(value)} {unit}
      </title>
      {'\n'}
      <circle cx={x} cy={y} r="4" fill="#0b57d0" />
      {'\n'}
      <text x={x} y={y - 8} text-anchor="middle" fill="#1a1a1a">
        {formatNumber(value)}
      </text>
      {'\n'}
      <text x={x} y={HEIGHT - 12} text-anchor="middle" fill="#595959">
        {short}
      </text>
    </g>
  );
}
