/**
 * Where a report's text came from, as its sidecar says (`sourceUrl`: the publisher's own page;
 * `retrievedFrom`: the copy it was taken from, such as a library's), shows everywhere a reader
 * looks for it: the reports dataset and its Table Schema, the report page, datapackage.json and
 * catalog.jsonld; and a report that turns bad keeps it in its last good publication.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { publish } from '../../lambda/publish/publish.ts';
import { FsStore } from '../../lambda/stores/fs-store.ts';
import { parseCsv } from '../support/csv.ts';
import { day, settings } from '../support/publication.ts';
import { SEED, useTempDirs } from '../support/temp.ts';

const tempDir = useTempDirs();
const ORIGINAL = 'https://www.example.gov.cn/zwgk/2026/report.html';
const LIBRARY = 'https://library.example.org/gzbg/detail.html?id=0123abcd';

/** id, town, sidecar provenance; the text is the seed's with the town renamed. */
const SIDECARS: [string, string, Record<string, string>][] = [
  ['original-2023', '东庄', { sourceUrl: ORIGINAL }],
  ['library-2023', '西庄', { retrievedFrom: LIBRARY }],
  ['both-2023', '南庄', { sourceUrl: ORIGINAL, retrievedFrom: LIBRARY }],
  ['unknown-2023', '北庄', {}],
];
const townOf = (id: string) => SIDECARS.find((s) => s[0] === id)?.[1] as string;

async function published() {
  const reports = await tempDir();
  const seed = await readFile(SEED, 'utf8');
  for (const [id, town, provenance] of SIDECARS) {
    await writeFile(join(reports, `${id}.txt`), seed.replaceAll('小王庄', town));
    await writeFile(join(reports, `${id}.meta.json`), JSON.stringify({ ...provenance, year: 2023 }));
  }
  const source = new FsStore(reports);
  const target = new FsStore(await tempDir());
  const summary = await publish({ source, target, settings, now: day(1) });
  expect(summary.problems).toEqual([]);
  const read = async (path: string) => new TextDecoder().decode(await target.get(path));
  return { reports, source, target, read };
}

const columns = (csv: string) => {
  const [header, ...rows] = parseCsv(csv);
  const at = (name: string) => header?.indexOf(name) ?? -1;
  return rows.map((row) => [row[at('id')], row[at('source_url')], row[at('retrieved_from')]]);
};

describe('a report’s provenance', () => {
  it('is in the reports dataset, retrieved_from next to source_url and described in its schema', async () => {
    const { read } = await published();
    expect(columns(await read('data/reports.csv')).sort()).toEqual([
      ['both-2023', ORIGINAL, LIBRARY],
      ['library-2023', '', LIBRARY],
      ['original-2023', ORIGINAL, ''],
      ['unknown-2023', '', ''],
    ]);
    const pkg = JSON.parse(await read('datapackage.json'));
    const fields = pkg.resources.find((r: { name: string }) => r.name === 'reports').schema.fields;
    const names = fields.map((f: { name: string }) => f.name);
    expect(names.indexOf('retrieved_from')).toBe(names.indexOf('source_url') + 1);
    expect(fields[names.indexOf('retrieved_from')]).toMatchObject({
      type: 'string',
      title: 'Retrieved from',
    });
  });

  it.each([
    ['original-2023', [ORIGINAL], ORIGINAL],
    ['library-2023', [LIBRARY], LIBRARY],
    ['both-2023', [ORIGINAL, LIBRARY], ORIGINAL],
    ['unknown-2023', [], `${settings.baseUrl}/reports/unknown-2023/source.txt`],
  ])('%s: linked from its page, its catalog entry and its data package source', async (id, links, path) => {
    const { read } = await published();
    const page = await read(`reports/${id}/index.html`);
    const external = [...page.matchAll(/<a href="([^"]+)" rel="external">/g)].map((m) => m[1]);
    expect(external).toEqual(links);
    const catalog = JSON.parse(await read('catalog.jsonld'));
    const entry = catalog['dcat:dataset'].find((d: { '@id': string }) =>
      d['@id'].endsWith(`/reports/${id}/`),
    );
    const sources = [entry['dcterms:source'] ?? []].flat().map((s: { '@id': string }) => s['@id']);
    expect(sources).toEqual(links);
    const pkg = JSON.parse(await read('datapackage.json'));
    expect(pkg.sources.find((s: { title: string }) => s.title.startsWith(townOf(id))).path).toBe(path);
  });

  it('stays with a report that turns bad, in its last good publication', async () => {
    const { reports, source, target, read } = await published();
    await writeFile(
      join(reports, 'library-2023.txt'),
      new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d]),
    );
    const second = await publish({ source, target, settings, now: day(2) });
    expect(second.problems.map((p) => p.file)).toEqual([expect.stringMatching(/library-2023\.txt$/)]);
    expect(columns(await read('data/reports.csv'))).toContainEqual(['library-2023', '', LIBRARY]);
  });
});
