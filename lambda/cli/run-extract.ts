/** What `opendata extract` does: the figures of one report on stdout. */
import { readFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { buildReport } from '../pipeline/build/index.ts';
import { figuresDataset } from '../pipeline/datasets/index.ts';
import { datasetToCsv, datasetToJson } from '../pipeline/formats/index.ts';
import { parseReportMeta } from '../pipeline/report/index.ts';
import { readInput } from './inputs.ts';

/** The figures dataset of one report on stdout, as JSON or CSV. */
export async function extract(file: string, format: 'json' | 'csv'): Promise<number> {
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

async function readSidecar(file: string) {
  try {
    return parseReportMeta(await readFile(file), file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}
