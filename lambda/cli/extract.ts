import { readFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { Command, Option } from 'commander';
import { buildReport } from '../pipeline/build/index.ts';
import { figuresDataset } from '../pipeline/datasets/index.ts';
import { datasetToCsv, datasetToJson } from '../pipeline/formats/index.ts';
import { parseReportMeta, ReportError } from '../pipeline/report/index.ts';
import type { RunCommand } from './run-command.ts';

/** `opendata extract <report.txt> [--format json|csv]`. */
export function extractCommand(run: RunCommand): Command {
  return new Command('extract')
    .summary('print the figures of one report')
    .description(
      'Print the figures of one report as JSON or CSV: value, unit, qualifier, span, label, section, ' +
        'sentence, period, status, change. The sidecar <id>.meta.json beside it is read when there is one.',
    )
    .argument('<report>', 'a report text file (UTF-8, UTF-16 with BOM, or GB18030/GBK)')
    .addOption(new Option('--format <format>', 'output format').choices(['json', 'csv']).default('json'))
    .action((file: string, options: { format: 'json' | 'csv' }) => run(() => extract(file, options.format)));
}

/** The figures dataset of one report on stdout. */
async function extract(file: string, format: 'json' | 'csv'): Promise<number> {
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
