/** The site's stylesheet, served as assets/site.css (the CSP allows no inline styles). */
export const SITE_CSS = `:root {
  color-scheme: light;
  --text: #1a1a1a; --muted: #595959; --accent: #0b57d0; --line: #d0d0d0; --soft: #f4f6f9;
  --mark: #fff1a8; --target: #ffc940;
  font-family: system-ui, -apple-system, "PingFang SC", "Noto Sans CJK SC", "WenQuanYi Micro Hei", "Microsoft YaHei", sans-serif;
}
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 76rem; padding: 0 1rem 2rem; line-height: 1.7; color: var(--text); background: #fff; }
a { color: var(--accent); text-underline-offset: 0.15em; }
a:focus-visible, button:focus-visible, select:focus-visible, input:focus-visible, [tabindex]:focus-visible {
  outline: 3px solid var(--accent); outline-offset: 2px;
}
html:not(.lang-en) .en, html.lang-en .zh { display: none !important; }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
.skip { position: absolute; left: -100vw; top: 0; background: #fff; padding: 0.5rem 1rem; z-index: 20; }
.skip:focus { left: 1rem; }
.muted, .count, .size, .hint { color: var(--muted); }
h1 { font-size: clamp(1.4rem, 4vw, 2rem); line-height: 1.3; margin: 1rem 0 0.5rem; }
h2 { font-size: 1.3rem; margin: 2rem 0 0.75rem; line-height: 1.4; }
code { font-size: 0.85em; color: var(--muted); font-weight: normal; }

.site-header { display: flex; align-items: center; justify-content: space-between; gap: 1rem; padding: 0.75rem 0; border-bottom: 1px solid var(--line); }
.site-name { margin: 0; font-weight: 600; }
.site-name a { color: inherit; text-decoration: none; }
.lang-toggle { font: inherit; font-size: 0.9rem; padding: 0.25rem 0.75rem; border: 1px solid var(--accent); border-radius: 999px; background: #fff; color: var(--accent); cursor: pointer; }
.lang-toggle:hover { background: var(--soft); }
.site-footer { margin-top: 3rem; padding-top: 1rem; border-top: 1px solid var(--line); color: var(--muted); font-size: 0.9rem; }
.intro p { max-width: 48rem; }

.cards { list-style: none; padding: 0; margin: 0; display: grid; gap: 1rem; grid-template-columns: repeat(auto-fit, minmax(min(100%, 20rem), 1fr)); }
.card { border: 1px solid var(--line); border-radius: 0.5rem; padding: 1rem 1.25rem; background: var(--soft); }
.card h3 { margin: 0 0 0.25rem; font-size: 1.15rem; }
.card p { margin: 0 0 0.75rem; }
.facts { display: flex; flex-wrap: wrap; gap: 0.25rem 1.5rem; margin: 0 0 0.75rem; }
.facts div { display: flex; gap: 0.4rem; }
.facts dt { color: var(--muted); }
.facts dt::after { content: ":"; }
.facts dd { margin: 0; font-weight: 600; }
.downloads { list-style: none; padding: 0; margin: 0; display: flex; flex-wrap: wrap; gap: 0.5rem; }
.downloads li { display: flex; align-items: baseline; gap: 0.35rem; }
.downloads a { display: inline-block; padding: 0.2rem 0.7rem; border-radius: 0.3rem; background: var(--accent); color: #fff; text-decoration: none; font-weight: 600; font-size: 0.9rem; }
.downloads a:hover { background: #0842a0; }
.metadata { margin-top: 1rem; }

.table-scroll { overflow-x: auto; max-width: 100%; }
table { border-collapse: collapse; width: 100%; font-size: 0.95rem; }
th, td { border-bottom: 1px solid var(--line); padding: 0.35rem 0.5rem; text-align: left; vertical-align: top; }
thead th { background: var(--soft); border-bottom: 2px solid #9a9a9a; white-space: nowrap; }
.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
td.section { color: var(--muted); font-size: 0.85rem; min-width: 12rem; max-width: 24rem; }
.reports td:nth-child(2) { white-space: nowrap; }
.figures td:first-child { min-width: 5em; }
.figures td:nth-child(3) { min-width: 5em; }
.reports td:first-child { min-width: 10em; }
th button { font: inherit; font-weight: 700; color: inherit; background: none; border: 0; padding: 0; cursor: pointer; }
th button::after { content: " ↕"; color: var(--muted); }
th[aria-sort="ascending"] button::after { content: " ↑"; color: var(--text); }
th[aria-sort="descending"] button::after { content: " ↓"; color: var(--text); }
.filters { display: flex; flex-wrap: wrap; gap: 0.75rem 1.25rem; align-items: end; margin-bottom: 0.5rem; }
.filters label { display: flex; flex-direction: column; font-size: 0.9rem; font-weight: 600; }
.filters select, .filters input { font: inherit; font-weight: normal; min-height: 2.4rem; padding: 0.3rem 0.4rem; border: 1px solid #767676; border-radius: 0.25rem; min-width: 12rem; max-width: 100%; }
.filters select { max-width: min(24rem, 90vw); }
.filters[hidden] { display: none; }
.count { margin: 0.25rem 0 0.5rem; }

.report-header .facts { margin-top: 0.5rem; }
.report-layout { display: grid; gap: 2rem; grid-template-columns: minmax(0, 1fr); }
@media (min-width: 60rem) {
  .report-layout { grid-template-columns: 20rem minmax(0, 1fr); }
  .report-aside { position: sticky; top: 0; max-height: 100vh; overflow-y: auto; padding-right: 0.5rem; }
}
.toc h2 { margin-top: 1rem; }
.toc ol { list-style: none; padding-left: 0; margin: 0; }
.toc ol ol { padding-left: 1rem; font-size: 0.92rem; }
.toc li { margin: 0.15rem 0; }
.toc .count { font-size: 0.8rem; margin-left: 0.25rem; }
.toc .count::before { content: "("; } .toc .count::after { content: ")"; }
.chart { margin: 1.5rem 0 0; }
.chart figcaption { font-weight: 600; margin-bottom: 0.25rem; }
.chart svg { width: 100%; max-width: 32rem; height: auto; font-size: 12px; }
.chart text { fill: var(--text); }
.chart rect { fill: var(--accent); }
.chart .depth-2 rect { fill: #4f86e0; }
.chart .value { fill: var(--muted); }
.report-body { max-width: 46rem; font-size: 1.05rem; }
.report-body h2 { font-size: 1.25rem; }
.report-body h3 { font-size: 1.1rem; }
.report-body h4, .report-body h5 { font-size: 1rem; }
.report-body p { margin: 0 0 0.9rem; }
.report-body [id] { scroll-margin-top: 4rem; }
.run-in-block { margin: 0 0 0.9rem; }
.run-in-block .run-in, .run-in-block .run-in + p { display: inline; font-size: inherit; margin: 0; }
.source-footer { margin-top: 2rem; font-size: 0.9rem; color: var(--muted); border-top: 1px dashed var(--line); }
.source-footer h2 { font-size: 1rem; }

mark.fig { position: relative; background: var(--mark); color: inherit; padding: 0 0.1em; border-radius: 0.15em; white-space: nowrap; }
mark.fig > a { color: inherit; text-decoration: underline dotted 1px; text-underline-offset: 0.2em; }
mark.fig:target { background: var(--target); outline: 2px solid #7a4f00; }
.tip { display: none; white-space: normal; position: absolute; left: 0; top: calc(100% + 4px); z-index: 10; width: max-content; max-width: min(18rem, 80vw);
  padding: 0.4rem 0.6rem; border-radius: 0.3rem; background: #1f2937; color: #fff; font-size: 0.85rem; line-height: 1.5; font-weight: normal; }
.tip-row { display: block; }
.tip b { color: #d1d5db; font-weight: 600; margin-right: 0.3em; }
mark.fig:hover .tip, mark.fig:focus-within .tip, mark.fig:target .tip { display: block; }
@media (max-width: 40rem) {
  body { padding: 0 0.75rem 1.5rem; }
  .filters label, .filters select, .filters input { width: 100%; min-width: 0; }
  td.section { min-width: 9rem; }
}
`;
