import { Bilingual } from './bilingual.tsx';
import { ChartSvg } from './chart-svg.tsx';
import type { SectionEntry } from './sections.tsx';

const BAR_HEIGHT = 22;
const LABEL_WIDTH = 170;
const CHART_WIDTH = 320;
const LABEL_CHARS = 12;

/**
 * Figures by section (the outer level, and the next where it has figures) as a horizontal bar chart
 * in inline SVG: no library and no request. The same numbers are in the table of contents as text.
 */
export function SectionChart({ entries }: { entries: readonly SectionEntry[] }) {
  const rows = entries.filter((entry) => entry.depth === 1 || (entry.depth === 2 && entry.figures > 0));
  if (rows.length === 0) return null;
  // A loop, not Math.max(...): 170,000 headings as arguments overflow the stack (#13).
  const max = rows.reduce((most, row) => Math.max(most, row.figures), 1);
  const height = rows.length * BAR_HEIGHT + 8;
  const summary = rows.map((row) => `${row.heading.marker}${row.heading.title}: ${row.figures}`).join('; ');
  return (
    <figure class="chart">
      <figcaption id="chart-title">
        <Bilingual zh="各章节的数字个数" en="Figures by section" />
      </figcaption>
      {'\n'}
      <ChartSvg
        width={CHART_WIDTH}
        height={height}
        captionId="chart-title"
        descId="chart-desc"
        summary={summary}
      >
        {rows.map((row, i) => bar(row, i * BAR_HEIGHT + 4, Math.round((row.figures / max) * BAR_SPACE)))}
      </ChartSvg>
    </figure>
  );
}

const BAR_SPACE = CHART_WIDTH - LABEL_WIDTH - 30;

function bar(row: SectionEntry, y: number, width: number) {
  const name = `${row.heading.marker}${row.heading.title}`;
  const label = name.length > LABEL_CHARS ? `${name.slice(0, LABEL_CHARS - 1)}…` : name;
  return (
    <g class={`bar depth-${row.depth}`}>
      <title>
        {name}: {row.figures}
      </title>
      {'\n'}
      <text x={row.depth === 1 ? 0 : 12} y={y + 15}>
        {label}
      </text>
      {'\n'}
      <rect x={LABEL_WIDTH} y={y + 3} width={width} height={BAR_HEIGHT - 8} />
      {'\n'}
      <text class="value" x={LABEL_WIDTH + width + 6} y={y + 15}>
        {row.figures}
      </text>
    </g>
  );
}
