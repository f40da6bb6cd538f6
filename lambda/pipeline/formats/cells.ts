import type { AnyRow, Cell, Dataset } from '../datasets/index.ts';

/**
 * A dataset's rows read once into their cells, in the order of its fields: what every format of a
 * report's share is written from. A dataset's rows may be made afresh on each pass (`lazyRows`), and
 * each format reading them by name again made them three times and looked every cell up three times.
 */
export interface DatasetCells {
  columns: readonly string[];
  rows: readonly (readonly (Cell | undefined)[])[];
}

/** The dataset's rows as cells, its rows made once. */
export function datasetCells<R extends AnyRow>(dataset: Dataset<R>): DatasetCells {
  const columns = dataset.fields.map((field) => field.name);
  return { columns, rows: Array.from(dataset.rows, (row) => columns.map((column) => row[column])) };
}
