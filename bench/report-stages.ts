/**
 * `npx tsx bench/report-stages.ts [--reports 300] [--compare <checkout>]`: the work a worker of the
 * report pool does for each report the cache does not have, in this process, stage by stage, on
 * generated reports (bench/generated-reports.ts): extraction, the figures entry's JSON, matching,
 * checks, the page, the shares of the six datasets, and writing the cache entries. Prints CPU
 * milliseconds and minor page faults a report by stage (METERS). With `--compare`, the same stages
 * of another checkout of the project (the main branch, say) run in the same process, report by report in turn with this one's,
 * so that a machine shared with other work slows both alike; and every report's pages, shares and
 * entries are compared byte for byte, the run failing if one differs. The first tenth of the reports
 * warm up and are not counted. `node --cpu-prof --import tsx bench/report-stages.ts` profiles it.
 * tsx compiles the other checkout's JSX by this folder's tsconfig.json only if its `include` covers
 * that checkout: for one elsewhere, name a tsconfig that includes both in `TSX_TSCONFIG_PATH`.
 */
import { mkdirSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { generateReport, loadSourcePool } from './generated-reports.ts';
import { ROOT_DIR } from './texts.ts';

const { values } = parseArgs({
  options: { reports: { type: 'string', default: '300' }, compare: { type: 'string' } },
});

const STAGES = ['extract', 'figures', 'match', 'checks', 'pages', 'rows', 'cache'] as const;
type Stage = (typeof STAGES)[number];

/** The stages of one checkout, imported from its own files. */
interface Checkout {
  name: string;
  run: (input: GeneratedInput, folder: string) => Promise<{ laps: number[][]; bytes: Uint8Array[] }>;
}

interface GeneratedInput {
  id: string;
  file: string;
  bytes: Uint8Array;
  metaBytes: undefined;
}

const encoder = new TextEncoder();

/** Page faults of the process that needed no disk: on a virtual machine each fresh page can cost tens of µs. */
function minorFaults(): number {
  return process.resourceUsage().minorPageFault;
}

/** CPU time of the process (user and system), in milliseconds: what waiting for a core does not count. */
function cpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

/** What is counted of each stage, a lap of each at every stage's end: `laps[meter][stage]`. */
const METERS = [
  { title: 'CPU ms a report', read: cpuMs, digits: 3 },
  { title: 'minor page faults a report', read: minorFaults, digits: 1 },
] as const;

async function checkout(root: string, name: string): Promise<Checkout> {
  const at = (path: string) => import(join(root, path));
  const { parseReportInput } = await at('lambda/publish/read-reports.ts');
  const { matchIndicators } = await at('lambda/pipeline/indicators/index.ts');
  const { reportChecks } = await at('lambda/pipeline/checks/index.ts');
  const { reportPages } = await at('lambda/pipeline/build/report-pages.ts');
  const { rowsOf } = await at('lambda/pipeline/build/report-rows.ts');
  const { reportKeys, writeStages } = await at('lambda/publish/report-entries.ts');
  const { ResultCache } = await at('lambda/publish/result-cache.ts');
  const { LocalFolderStore } = await at('lambda/stores/local-folder-store.ts');
  const { PROJECT_CATALOG: catalog } = await at('lambda/publish/project-catalog.ts');
  const { parseSiteSettings } = await at('lambda/pipeline/report/index.ts');
  const { readFileSync } = await import('node:fs');
  const settings = parseSiteSettings(readFileSync(join(ROOT_DIR, 'data/site.json')), 'data/site.json');
  const code = { figures: 'f', pages: 'p', rows: 'r', all: 'a' };
  const caches = new Map<string, InstanceType<typeof ResultCache>>();
  return {
    name,
    async run(input, folder) {
      const laps: number[][] = METERS.map(() => []);
      let last = METERS.map((meter) => meter.read());
      const lap = () => {
        const now = METERS.map((meter) => meter.read());
        for (const [m, value] of now.entries()) laps[m]?.push(value - (last[m] as number));
        last = now;
      };
      const report = parseReportInput(input, settings.license);
      lap();
      const { text: _, ...withoutText } = report;
      const figures = encoder.encode(JSON.stringify(withoutText));
      lap();
      const matched = matchIndicators(report, catalog);
      lap();
      const checks = reportChecks(matched);
      lap();
      const pages = reportPages(settings, report, catalog, checks);
      lap();
      const rows = rowsOf(settings, matched, checks, catalog);
      lap();
      if (!caches.has(folder)) caches.set(folder, new ResultCache(new LocalFolderStore(folder)));
      const planned = { ...input, sha256: input.id, metaSha256: undefined, loaded: true };
      const keys = reportKeys(
        planned,
        { code, contextHash: 'c', settings, corrections: new Map() },
        undefined,
      );
      const unit = await writeStages(caches.get(folder), keys, { figures, pages, rows });
      lap();
      const bytes = [
        figures,
        ...pages.map((page: { body: Uint8Array }) => page.body),
        ...rows.shares.flatMap((share: { csv: Uint8Array; json: Uint8Array; xlsx: Uint8Array }) => [
          share.csv,
          share.json,
          share.xlsx,
        ]),
        encoder.encode(JSON.stringify(unit)),
      ];
      return { laps, bytes };
    },
  };
}

function sameBytes(a: readonly Uint8Array[], b: readonly Uint8Array[]): boolean {
  return a.length === b.length && a.every((bytes, i) => Buffer.compare(bytes, b[i] as Uint8Array) === 0);
}

async function main(): Promise<void> {
  const count = Number(values.reports);
  const pool = loadSourcePool();
  const inputs: GeneratedInput[] = Array.from({ length: count }, (_, i) => {
    const generated = generateReport(pool, i);
    const file = `reports/${generated.id}.txt`;
    return { id: generated.id, file, bytes: encoder.encode(generated.text), metaBytes: undefined };
  });
  const checkouts = [await checkout(ROOT_DIR, 'this checkout')];
  if (values.compare) checkouts.unshift(await checkout(resolve(values.compare), values.compare));
  // totals[meter][checkout][stage]
  const totals = METERS.map(() => checkouts.map(() => STAGES.map(() => 0)));
  const folder = await mkdtemp(join(tmpdir(), 'report-stages-'));
  // Every folder of the cache made first, as it is after the first few thousand reports of a run.
  for (const c of checkouts.keys())
    for (const stage of ['figures', 'unit', 'pages', 'rows'])
      for (let i = 0; i < 256; i++)
        mkdirSync(join(folder, String(c), stage, i.toString(16).padStart(2, '0')), { recursive: true });
  const warm = Math.floor(count / 10);
  let differ = 0;
  try {
    for (const [i, input] of inputs.entries()) {
      const made: Uint8Array[][] = [];
      // Each goes first every other report: whatever the first leaves (garbage, cold caches) falls on both alike.
      const order = i % 2 === 0 ? [...checkouts.keys()] : [...checkouts.keys()].reverse();
      for (const c of order) {
        const { laps, bytes } = await (checkouts[c] as Checkout).run(input, join(folder, String(c)));
        if (i >= warm)
          for (const [m, stages] of laps.entries()) {
            const total = totals[m]?.[c] as number[];
            for (const [s, value] of stages.entries()) total[s] = (total[s] ?? 0) + value;
          }
        made[c] = bytes;
      }
      if (made.length === 2 && !sameBytes(made[0] as Uint8Array[], made[1] as Uint8Array[])) {
        differ += 1;
        process.stderr.write(`${input.id}: the two checkouts made different bytes\n`);
      }
    }
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
  for (const [m, { title, digits }] of METERS.entries())
    printTotals(title, checkouts, totals[m] as number[][], count - warm, digits);
  if (checkouts.length === 2) process.stdout.write(`${differ} of ${count} reports differ\n`);
  if (differ > 0) process.exitCode = 1;
}

function printTotals(
  title: string,
  checkouts: readonly Checkout[],
  totals: number[][],
  measured: number,
  digits: number,
): void {
  const perReport = (value: number) => (value / measured).toFixed(digits).padStart(8);
  const names = checkouts.map((one) => one.name.slice(-16).padStart(16)).join(' ');
  process.stdout.write(`${title} (${measured} reports)\n${'stage'.padEnd(8)} ${names}\n`);
  const rows: [string, number[]][] = STAGES.map((stage: Stage, s) => [stage, totals.map((t) => t[s] ?? 0)]);
  rows.push(['total', totals.map((t) => t.reduce((a, b) => a + b, 0))]);
  for (const [stage, values] of rows) {
    const ratio =
      values.length === 2 ? `  ${((values[0] as number) / (values[1] as number)).toFixed(2)}×` : '';
    process.stdout.write(
      `${stage.padEnd(8)} ${values.map((value) => perReport(value).padStart(16)).join(' ')}${ratio}\n`,
    );
  }
}

await main();
