import { readFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { datasetToCsv, datasetToJson } from '../pipeline/csv.ts';
import { figuresDataset } from '../pipeline/datasets.ts';
import { ReportError } from '../pipeline/errors.ts';
import { parseReportMeta } from '../pipeline/meta.ts';
import { buildReport } from '../pipeline/report.ts';
import { parseCommandArgs } from './args.ts';
import { UsageError } from './usage.ts';

/** `opendata extract <report.txt> [--format json|csv]`: the figures dataset of one report on stdout. */
export async function extractCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, {
    format: { type: 'string', default: 'json' },
  });
  if (positionals.length !== 1) throw new UsageError('extract needs exactly one report file');
  const format = values.format;
  if (format !== 'json' && format !== 'csv')
    throw new UsageError(`--format must be json or csv, got "${format}"`);
  const file = positionals[0] as string;
  const id = basename(file).replace(/\.[^.]*$/, '');
  const report = buildReport({
    id,
    file,
    bytes: await readInput(file),
    meta: await readSidecar(join(dirname(file), `${id}.meta.json`)),
    defaultLicense: 'CC-BY-4.0',
  });
  // Site-relative links: extract knows no base URL; publish makes them absolute.
  const dataset = figuresDataset([report], '');
  process.stdout.write(format === 'csv' ? datasetToCsv(dataset) : datasetToJson(dataset));
  return 0;
}

export async function readInput(file: string): Promise<Uint8Array> {
  try {
    return await readFile(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new ReportError(file, 'does not exist');
    if (code === 'EISDIR') throw new ReportError(file, 'is a folder, not a report file');
    throw new ReportError(file, `cannot be read (${code ?? (error as Error).message})`);
  }
}

async function readSidecar(file: string) {
  try {
    return parseReportMeta(await readFile(file), file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}
