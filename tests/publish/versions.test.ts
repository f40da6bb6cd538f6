import { describe, expect, it } from 'vitest';
import { publish } from '../../lambda/publish/publish.ts';
import { FsStore } from '../../lambda/stores/fs-store.ts';
import {
  changeOneReport,
  day,
  FailingStore,
  isStableFile,
  servedView,
  settings,
  snapshot,
  writeReports,
} from '../support/publication.ts';
import { useTempDirs } from '../support/temp.ts';

const tempDir = useTempDirs();

async function published() {
  const reports = await tempDir();
  await writeReports(reports);
  const source = new FsStore(reports);
  const target = new FsStore(await tempDir());
  const first = await publish({ source, target, settings, now: day(1) });
  return { reports, source, target, first };
}

const AGGREGATES = [
  'catalog.jsonld',
  'data/figures.csv',
  'data/figures.json',
  'data/figures.xlsx',
  // One figure changes value: the indicator tables move with it (no check involves that figure).
  'data/indicator-coverage.csv',
  'data/indicator-coverage.json',
  'data/indicator-coverage.xlsx',
  'data/indicators-wide.csv',
  'data/indicators-wide.json',
  'data/indicators-wide.xlsx',
  'data/indicators.csv',
  'data/indicators.json',
  'data/indicators.xlsx',
  'data/reports.csv',
  'data/reports.json',
  'data/reports.xlsx',
  'datapackage.json',
  'feed.atom',
  'index.html',
  'indicators/index.html',
  'manifest.json',
];

describe('versions', () => {
  it('writes a first publication whole under versions/<version>/, then the pointer, stable files and manifest', async () => {
    const { target, first } = await published();
    expect(first.newVersion).toBe(true);
    expect(first.version).toMatch(/^20261101T020000Z-[0-9a-f]{12}$/);
    const versioned = first.written.filter((key) => key.startsWith(`versions/${first.version}/`));
    const stable = first.written.filter(isStableFile);
    expect(versioned.map((key) => key.slice(`versions/${first.version}/`.length)).sort()).toEqual(
      [...stable.filter((key) => key !== 'manifest.json'), 'manifest.json'].sort(),
    );
    const order = (key: string) => first.written.indexOf(key);
    expect(order(`versions/${first.version}/manifest.json`)).toBeLessThan(order('current.json'));
    expect(Math.max(...versioned.map(order))).toBeLessThan(order('current.json'));
    expect(Math.min(...stable.map(order))).toBeGreaterThan(order('current.json'));
    expect(first.written.at(-1)).toBe('manifest.json');
    expect(await target.get('publishing.json')).toBeUndefined();
    const manifest = JSON.parse(new TextDecoder().decode(await target.get('manifest.json')));
    expect(manifest).toMatchObject({ current: first.version, versions: [{ version: first.version }] });
  });

  it('writes nothing and makes no version when the inputs are unchanged', async () => {
    const { source, target, first } = await published();
    const before = await snapshot(target);
    const second = await publish({ source, target, settings, now: day(2) });
    expect(second).toMatchObject({
      version: first.version,
      newVersion: false,
      written: [],
      copied: 0,
      changed: [],
    });
    expect(second.unchanged).toBeGreaterThan(10);
    expect(await snapshot(target)).toEqual(before);
  });

  it('rewrites only the changed report and the aggregates, links the rest and keeps the old version', async () => {
    const { reports, source, target, first } = await published();
    await changeOneReport(reports);
    const second = await publish({ source, target, settings, now: day(2) });
    expect(second.newVersion).toBe(true);
    expect(second.version > first.version).toBe(true);
    const expected = [
      'reports/dawangzhuang-2023/index.html',
      'reports/dawangzhuang-2023/source.txt',
      ...AGGREGATES,
    ];
    expect(second.changed).toEqual(expected.sort());
    expect(second.written.filter(isStableFile).sort()).toEqual(expected.sort());
    const versionedPuts = second.written
      .filter((key) => key.startsWith(`versions/${second.version}/`))
      .map((key) => key.slice(`versions/${second.version}/`.length));
    expect(versionedPuts.sort()).toEqual(expected.sort());
    expect(versionedPuts).not.toContain('reports/xiaowangzhuang-2023/source.txt');
    // The other town's files and the assets are linked from the first version, not written again.
    // …and so are the checks (CSV, JSON, XLSX) and indicators.css, which that figure does not touch,
    // and problems.json and corrections.json (none, in either version).
    expect(second.copied).toBe(10);
    const old = await snapshot(target, (key) => key.startsWith(`versions/${first.version}/`));
    expect(old.size).toBeGreaterThan(10);
    const manifest = JSON.parse(new TextDecoder().decode(await target.get('manifest.json')));
    expect(manifest.versions.map((v: { version: string }) => v.version)).toEqual([
      second.version,
      first.version,
    ]);
    expect(manifest.versions[0].changes).toMatchObject({
      reports: { added: [], removed: [], changed: ['dawangzhuang-2023'] },
      figures: [{ report: 'dawangzhuang-2023', old: 2361, new: 2400, unit: '件' }],
      figuresChanged: 1,
    });
  });

  it('leaves what readers see exactly as before when a publication fails at any write, and the next run completes it', async () => {
    // The reference: the same change published without failures, at the same time.
    const reference = await published();
    await changeOneReport(reference.reports);
    const completed = await publish({ ...reference, settings, now: day(2) });
    const writes = completed.written.length + completed.copied + 1; // and the marker's deletion
    const expected = await snapshot(reference.target);
    for (let k = 1; k <= writes; k++) {
      const { reports, source, target } = await published();
      const paths = [...(await snapshot(target, isStableFile)).keys(), ...completed.changed];
      const before = await servedView(target, paths);
      const stableBefore = await snapshot(target, isStableFile);
      await changeOneReport(reports);
      const failing = new FailingStore(target, k);
      await expect(
        publish({ source, target: failing, settings, now: day(2), concurrency: 1 }),
      ).rejects.toThrow(`write ${k} `);
      const after = await servedView(target, paths);
      const switched = (await target.get('current.json'))?.toString().includes(completed.version) ?? false;
      if (switched) {
        // manifest.json (the list of versions, not part of any version) is written last: old or new, whole.
        const newView = await servedView(reference.target, paths);
        for (const [path, text] of after) {
          if (path === 'manifest.json')
            expect([before.get(path), newView.get(path)], `k=${k}`).toContain(text);
          else expect(text, `k=${k} ${path}`).toEqual(newView.get(path));
        }
      } else {
        expect(after, `k=${k}`).toEqual(before);
        expect(await snapshot(target, isStableFile), `k=${k}`).toEqual(stableBefore);
      }
      // Write 1 is the marker: a run that failed on it left nothing, so the next one starts afresh (given
      // the reference's clock so that the bytes compare). Any later failure is resumed under the marker's
      // version and time, whatever the clock says.
      const resumed = await publish({ source, target, settings, now: k === 1 ? day(2) : day(3) });
      expect(resumed.version, `k=${k}`).toBe(completed.version);
      expect(await snapshot(target), `k=${k}`).toEqual(expected);
    }
  }, 120_000);
});
