import type { Dataset } from '../datasets/index.ts';
import { csvHeader, JSON_BETWEEN, JSON_CLOSE, JSON_EMPTY, JSON_OPEN } from './csv.ts';
import { type Assembler, xlsxAssembler } from './xlsx.ts';

/** The formats every dataset is published in, each the concatenation of the reports' shares. */
export type ShareFormat = 'csv' | 'json' | 'xlsx';

export const SHARE_FORMATS: readonly ShareFormat[] = ['csv', 'json', 'xlsx'];

const encoder = new TextEncoder();

/**
 * The file of all reports in one format, put together from each report's share as it comes
 * (`csvFragment`, `jsonFragment`, `xlsxFragment`), every chunk given to `emit` as it is made: so
 * one changed report costs its own share, and the others' are only copied, never made again.
 * `dataset` gives the header and the footer (its fields and name); its rows are not read.
 */
export function datasetAssembler(
  format: ShareFormat,
  dataset: Dataset,
  emit: (chunk: Uint8Array) => void,
): Assembler {
  if (format === 'xlsx') return xlsxAssembler(dataset, emit);
  if (format === 'csv') {
    emit(encoder.encode(csvHeader(dataset)));
    return { add: (share) => share.byteLength > 0 && emit(share), end: () => {} };
  }
  let empty = true;
  return {
    add(share) {
      if (share.byteLength === 0) return;
      emit(encoder.encode(empty ? JSON_OPEN : JSON_BETWEEN));
      emit(share);
      empty = false;
    },
    end: () => emit(encoder.encode(empty ? JSON_EMPTY : JSON_CLOSE)),
  };
}
