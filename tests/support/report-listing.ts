import type { ReportListing } from '../../lambda/pipeline/report/index.ts';

/**
 * A report's listing as the portal's tables take it, every field made from its id: what the tests
 * of those tables build their reports from (a report adds its text, structure and figures).
 */
export function reportListing(id: string): ReportListing {
  return {
    id,
    title: `${id}报告`,
    entity: `${id}镇`,
    parent: '',
    year: 2024,
    kind: '政府工作报告',
    publisher: '',
    license: 'CC-BY-4.0',
    source: { file: `${id}.txt`, url: '', sha256: '0'.repeat(64) },
    figures: [],
  };
}
