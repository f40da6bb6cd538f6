import { archiveKeyExtension, OCTET_STREAM, reportPath } from '../contract/index.ts';
import type { SiteFile } from '../pipeline/metadata/index.ts';
import type { Report } from '../pipeline/report/index.ts';
import type { Store } from '../stores/store.ts';

/**
 * The fetched original a report's sidecar names (`sources/<id>/<sha256>.<ext>` in the archive),
 * published beside its page as `original.<ext>` so that a reader can check the text against what
 * the government site served. Served as a download: an archived page must not run on our origin.
 * A report without one, or whose original is not in this archive, is returned as it was.
 */
export async function withArchivedCopy(
  report: Report,
  archive: Store | undefined,
): Promise<{ report: Report; file?: SiteFile }> {
  const key = report.source.archive;
  const extension = key && archiveKeyExtension(key, report.id);
  if (!archive || !key || !extension) return { report };
  const body = await archive.get(key);
  if (!body) return { report };
  const name = `original.${extension}`;
  return {
    report: { ...report, source: { ...report.source, archivedCopy: name } },
    file: { path: reportPath(report.id, name), body, contentType: OCTET_STREAM },
  };
}
