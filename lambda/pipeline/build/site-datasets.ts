import type { AnyRow, Dataset } from '../datasets/index.ts';
import { type Assembler, datasetAssembler, type ShareFormat } from '../formats/index.ts';
import type { DatasetShare } from './report-rows.ts';
import { datasetPath } from './site-aggregates.ts';

/** A dataset file being put together: where it goes, and what it is of. */
export interface DatasetFileSpec {
  path: string;
  dataset: Dataset;
  format: ShareFormat;
}

/**
 * The site's dataset files in the order the metadata lists them: CSV and JSON of each dataset (the
 * Data Package's resources), then the workbooks.
 */
export function datasetFileSpecs(shells: readonly Dataset[]): DatasetFileSpec[] {
  const of = (formats: readonly ShareFormat[]) =>
    shells.flatMap((dataset) =>
      formats.map((format) => ({ path: datasetPath(dataset.name, format), dataset, format })),
    );
  return [...of(['csv', 'json']), ...of(['xlsx'])];
}

/**
 * Every dataset file of the site put together as the reports come, one report's shares at a time in
 * report id order, each file's chunks given to the sink `open` returned for it: the reports' shares
 * are copied, never made again, and no file is ever held whole.
 */
export class DatasetFiles {
  readonly #files: { index: number; format: ShareFormat; assembler: Assembler }[];

  /**
   * `shells` are the datasets in the order of a report's shares (by default those of `specs`, which
   * name them all): a run that puts together only some files gives them all.
   */
  constructor(
    readonly specs: readonly DatasetFileSpec[],
    open: (spec: DatasetFileSpec) => (chunk: Uint8Array) => void,
    shells: readonly Dataset[] = [...new Set(specs.map((spec) => spec.dataset))],
  ) {
    const datasets = shells;
    this.#files = specs.map((spec) => ({
      index: datasets.indexOf(spec.dataset),
      format: spec.format,
      assembler: datasetAssembler(spec.format, spec.dataset, open(spec)),
    }));
  }

  /** One report's shares, one a dataset in the shells' order. */
  add(shares: readonly DatasetShare[]): void {
    for (const file of this.#files) {
      const share = shares[file.index];
      if (share) file.assembler.add(share[file.format]);
    }
  }

  /** The last share of one dataset (the checks across reports), then every file's end. */
  end(last: { dataset: number; share: DatasetShare }): void {
    for (const file of this.#files) {
      if (file.index === last.dataset) file.assembler.add(last.share[file.format]);
      file.assembler.end();
    }
  }
}

/**
 * The rows of the home page's figures table, picked from the reports' shares of the figures JSON as
 * they pass: `indices` are row numbers across all reports (figureTableIndices).
 */
export class FigureRowPicker {
  readonly rows: AnyRow[] = [];
  #offset = 0;
  #next = 0;

  constructor(readonly indices: readonly number[]) {}

  /** A report's figures passed by without their share: none of its rows is one of the table's. */
  skip(rows: number): void {
    const next = this.indices[this.#next];
    if (next !== undefined && next < this.#offset + rows)
      throw new Error('a share holding a row of the figures table was skipped');
    this.#offset += rows;
  }

  add(figures: DatasetShare): void {
    const end = this.#offset + figures.rows;
    if (this.indices[this.#next] !== undefined && (this.indices[this.#next] as number) < end) {
      const text = new TextDecoder().decode(figures.json);
      const rows = JSON.parse(`[${text}]`) as AnyRow[];
      while (this.#next < this.indices.length && (this.indices[this.#next] as number) < end) {
        this.rows.push(rows[(this.indices[this.#next] as number) - this.#offset] as AnyRow);
        this.#next += 1;
      }
    }
    this.#offset = end;
  }
}

/**
 * Which reports hold a row of the home page's figures table, given each one's count of figure rows:
 * the only shares a run that puts no dataset file together reads.
 */
export function figureTableReports(indices: readonly number[], rows: readonly number[]): boolean[] {
  let offset = 0;
  let next = 0;
  return rows.map((count) => {
    const end = offset + count;
    const holds = next < indices.length && (indices[next] as number) < end;
    while (next < indices.length && (indices[next] as number) < end) next += 1;
    offset = end;
    return holds;
  });
}
