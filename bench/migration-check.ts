/**
 * `npx tsx bench/migration-check.ts --out digest.json` publishes data/reports and the fixture corpus
 * with a fixed clock and writes a digest of every published file: data files (CSV, JSON, metadata,
 * feed, source.txt) by their bytes, XLSX by the cells read back, HTML by parse5's parse and
 * serialisation. `--compare a.json --compare b.json` lists what differs. Run it before and after a
 * restructuring that must not change the published site (a one-off check, not a test: later work
 * changes the output on purpose). It imports only publish() and FsStore, whose paths stay put.
 */
import { createHash } from 'node:crypto';
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { strFromU8, unzipSync } from 'fflate';
import { parse, serialize } from 'parse5';

const { values } = parseArgs({
  options: { out: { type: 'string' }, compare: { type: 'string', multiple: true } },
  allowPositionals: true,
});
const ROOT = new URL('../', import.meta.url).pathname;
const sha256 = (data: Uint8Array | string) => createHash('sha256').update(data).digest('hex');

if (values.compare) {
  const [a, b] = values.compare.map((f) => JSON.parse(readFileSync(f, 'utf8')) as Record<string, string>);
  if (!a || !b) throw new Error('--compare needs two digest files');
  const paths = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
  const differ = paths.filter((p) => a[p] !== b[p]);
  for (const p of differ)
    console.log(`${a[p] === undefined ? 'added  ' : b[p] === undefined ? 'removed' : 'differs'} ${p}`);
  console.log(`${paths.length} files, ${differ.length} differ`);
  process.exitCode = differ.length ? 1 : 0;
} else {
  const { publish } = await import(join(ROOT, 'lambda/publish/publish.ts'));
  const { FsStore } = await import(join(ROOT, 'lambda/stores/fs-store.ts'));
  const reports = mkdtempSync(join(tmpdir(), 'migration-reports-'));
  for (const dir of ['data/reports', 'tests/fixtures/corpus'])
    for (const name of readdirSync(join(ROOT, dir)).filter((n) => /\.(txt|meta\.json)$/.test(n)))
      copyFileSync(join(ROOT, dir, name), join(reports, name));
  const site = mkdtempSync(join(tmpdir(), 'migration-site-'));
  const settings = JSON.parse(readFileSync(join(ROOT, 'data/site.json'), 'utf8'));
  const summary = await publish({
    source: new FsStore(reports),
    target: new FsStore(site),
    settings: { ...settings, baseUrl: settings.baseUrl.replace(/\/+$/, '') },
    now: new Date('2026-12-01T00:00:00.000Z'),
  });
  const digest: Record<string, string> = {};
  for (const entry of readdirSync(site, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name).slice(site.length + 1);
    digest[path] = fileDigest(path, readFileSync(join(site, path)));
  }
  writeFileSync(values.out ?? 'digest.json', `${JSON.stringify(digest, null, 1)}\n`);
  console.log(
    `${summary.reports.length} reports, ${summary.figures} figures, ${Object.keys(digest).length} files`,
  );
}

function fileDigest(path: string, bytes: Uint8Array): string {
  const type = extname(path);
  if (type === '.html') return `html:${sha256(serialize(parse(new TextDecoder().decode(bytes))))}`;
  if (type === '.xlsx') return `xlsx:${sha256(JSON.stringify(xlsxCells(bytes)))}`;
  return sha256(bytes);
}

/** Every sheet's cells, as reference → text or number, read back from the workbook. */
function xlsxCells(bytes: Uint8Array): Record<string, [string, string][]> {
  const sheets: Record<string, [string, string][]> = {};
  for (const [name, data] of Object.entries(unzipSync(bytes))) {
    if (!name.startsWith('xl/worksheets/')) continue;
    const xml = strFromU8(data);
    sheets[name] = [...xml.matchAll(/<c r="([A-Z]+\d+)"[^>]*>(.*?)<\/c>/gs)].map(([, ref, inner]) => [
      ref as string,
      (inner ?? '').replace(/<[^>]+>/g, ''),
    ]);
  }
  return sheets;
}
