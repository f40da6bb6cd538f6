/** Styles of the indicators page, the checks and the flags: assets/indicators.css (no inline styles). */
export const INDICATORS_CSS = `.checks { list-style: none; padding: 0; margin: 0; }
.check { border-left: 4px solid var(--line); padding: 0.35rem 0.75rem; margin: 0 0 0.5rem; background: var(--soft); }
.check-pass { border-left-color: #1e7d32; }
.check-fail { border-left-color: #b3261e; }
.check-cannot_tell { border-left-color: #8a6d00; }
.check-status { font-weight: 700; margin-right: 0.5rem; }
.check-pass .check-status { color: #1e7d32; }
.check-fail .check-status { color: #b3261e; }
.check-cannot_tell .check-status { color: #6b5400; }
.check-kind { color: var(--muted); margin-right: 0.5rem; }
.check-figures { display: block; font-size: 0.9rem; color: var(--muted); }
.checks-section { margin: 1rem 0; max-width: 46rem; }
mark.fig.flagged { outline: 2px dashed #b3261e; }
a.flag { font-size: 0.75rem; margin-left: 0.15rem; color: #b3261e; white-space: nowrap; }
a.flag-cannot_tell { color: #6b5400; }
.indicator { border-top: 1px solid var(--line); padding-top: 0.5rem; }
.indicator h4 { font-size: 1.1rem; margin: 1rem 0 0.25rem; }
.indicator-body { display: grid; gap: 1rem; grid-template-columns: minmax(0, 1fr); align-items: start; }
@media (min-width: 60rem) { .indicator-body { grid-template-columns: minmax(0, 1fr) 24rem; } }
.indicator-chart { margin: 0; }
.indicator-chart figcaption { font-size: 0.9rem; color: var(--muted); }
.indicator-chart svg { width: 100%; max-width: 24rem; height: auto; font-size: 11px; }
.status-ambiguous { color: #6b5400; }
.status-not_mentioned { color: var(--muted); }
`;
