import { Feed } from 'feed';
import { escapeHtml, withoutXmlForbidden } from '../formats/index.ts';
import type { SiteSettings } from '../report/index.ts';
import type { FigureChange, SiteEvent, VersionRecord } from './publication.ts';

/** Feed readers show the latest entries; older publications stay listed in manifest.json. */
const FEED_ENTRIES = 50;

/**
 * `feed.atom`: one entry per publication, newest first, naming its datasets and the figures whose
 * values changed (old → new), and one per rollback or release of the site when `events` are given
 * (the site's own feed; a version's snapshot lists the publications up to it). Every date comes from
 * the records, so the same history gives the same bytes.
 */
export function atomFeed(
  settings: SiteSettings,
  history: readonly VersionRecord[],
  events: readonly SiteEvent[] = [],
): string {
  const base = settings.baseUrl;
  const entries = [
    ...history.map((record) => ({ at: record.created, record })),
    ...events.map((event) => ({ at: event.at, event })),
  ]
    .sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0))
    .slice(0, FEED_ENTRIES);
  const latest = entries[0];
  const feed = new Feed({
    id: `${base}/feed.atom`,
    title: `${settings.title} · ${settings.titleEn}`,
    description: settings.descriptionEn,
    link: `${base}/`,
    language: 'zh',
    copyright: `${settings.publisher} · ${settings.license}`,
    updated: latest ? new Date(latest.at) : new Date(0),
    generator: 'opendata-publisher',
    feedLinks: { atom: `${base}/feed.atom` },
    author: { name: settings.publisher },
  });
  for (const entry of entries) {
    if ('event' in entry) {
      feed.addItem(eventItem(base, entry.event));
      continue;
    }
    const { record } = entry;
    feed.addItem({
      id: `${base}/${record.path}`,
      link: `${base}/${record.path}index.html`,
      title: `${record.version}: ${summary(record)}`,
      date: new Date(record.created),
      content: entryContent(base, record),
    });
  }
  return withoutXmlForbidden(feed.atom1());
}

/** A rollback or release: which version the stable URLs serve from now on, and why nothing was built. */
function eventItem(base: string, event: SiteEvent) {
  const stamp = event.at.replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
  const text =
    event.kind === 'rollback'
      ? `回滚 Rolled back to ${event.version}${event.from ? ` from ${event.from}` : ''}; pinned until released`
      : `解除固定 Released the pin on ${event.version}; the next run publishes again`;
  return {
    id: `${base}/manifest.json#${event.kind}-${stamp}`,
    link: `${base}/versions/${event.version}/index.html`,
    title: `${event.kind}: ${text}`,
    date: new Date(event.at),
    content: `<p>${escapeHtml(text)}</p>`,
  };
}

function summary(record: VersionRecord): string {
  const { reports, figuresChanged } = record.changes;
  return [
    `${record.reports} reports, ${record.figures} figures`,
    reports.added.length ? `${reports.added.length} added` : '',
    reports.changed.length ? `${reports.changed.length} changed` : '',
    reports.removed.length ? `${reports.removed.length} removed` : '',
    figuresChanged ? `${figuresChanged} figure values changed` : '',
    record.changes.corrections ? `${record.changes.corrections.length} figures corrected` : '',
  ]
    .filter(Boolean)
    .join(', ');
}

function entryContent(base: string, record: VersionRecord): string {
  const datasets = record.datasets
    .map(
      (path) => `<li><a href="${escapeHtml(`${base}/${record.path}${path}`)}">${escapeHtml(path)}</a></li>`,
    )
    .join('');
  const changes = record.changes.figures.map((change) => `<li>${escapeHtml(describe(change))}</li>`).join('');
  const more = record.changes.figuresChanged - record.changes.figures.length;
  const corrections = (record.changes.corrections ?? [])
    .map(
      (c) =>
        `<li>${escapeHtml(`${c.report} · ${c.figure}: ${c.notAFigure ? '不是数字 not a figure' : setText(c.set)} (${c.reason})`)}</li>`,
    )
    .join('');
  return `<p>数据集 Datasets:</p><ul>${datasets}</ul>
<p>变化的数字 Figures changed: ${record.changes.figuresChanged}</p><ul>${changes}</ul>${
    more > 0 ? `<p>… ${more} more</p>` : ''
  }${corrections ? `\n<p>更正 Corrections (<a href="${escapeHtml(`${base}/${record.path}corrections.json`)}">corrections.json</a>):</p><ul>${corrections}</ul>` : ''}`;
}

/** What a correction sets, as a reader reads it: `value = 9999, status = estimate`, not JSON. */
function setText(set: Readonly<Record<string, unknown>> | undefined): string {
  return Object.entries(set ?? {})
    .map(([field, value]) => `${field} = ${String(value)}`)
    .join(', ');
}

/** `xiaowangzhuang-2023 · 调解成功率 (%): 98 → 100`; a missing side reads “—”. */
function describe(change: FigureChange): string {
  const value = (v: number | null) => (v === null ? '—' : String(v));
  const unit = change.unit ? ` (${change.unit})` : '';
  return `${change.report} · ${change.label || change.section}${unit}: ${value(change.old)} → ${value(change.new)}`;
}
