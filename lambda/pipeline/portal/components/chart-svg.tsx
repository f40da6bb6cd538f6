import type { ComponentChildren } from 'preact';

interface ChartSvgProps {
  width: number;
  height: number;
  /** The ids that label the chart: its caption's, then its `<desc>`'s. */
  captionId: string;
  descId: string;
  /** The chart's numbers as text, for a screen reader. */
  summary: string;
  children: ComponentChildren;
}

/** An inline SVG chart, labelled by its figure caption and a `<desc>` that reads its numbers out. */
export function ChartSvg({ width, height, captionId, descId, summary, children }: ChartSvgProps) {
  return (
    // biome-ignore lint/a11y/noSvgWithoutTitle: labelled by its figcaption and its desc (aria-labelledby)
    <svg
      viewBox={`0 0 ${width} ${height}`}
      width={width}
      height={height}
      role="img"
      aria-labelledby={`${captionId} ${descId}`}
      xmlns="http://www.w3.org/2000/svg"
    >
      {'\n'}
      <desc id={descId}>{summary}</desc>
      {'\n'}
      {children}
    </svg>
  );
}
