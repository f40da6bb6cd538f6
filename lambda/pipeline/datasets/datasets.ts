/** What a value of a published dataset can be: text, a number, or nothing (an empty CSV cell, JSON null). */
export type Cell = string | number | null;

export type FieldType = 'string' | 'integer' | 'number';

/** A column of a published dataset: one definition drives the CSV header, the JSON keys and the Table Schema. */
export interface FieldSpec<Name extends string = string, Type extends FieldType = FieldType> {
  name: Name;
  type: Type;
  title: string;
  titleZh: string;
  description: string;
  /** Chinese description (the English one when absent). */
  descriptionZh?: string;
  /** The unit every value of the column is in, when there is one (Table Schema has no unit property: published as `unit`). */
  unit?: string;
  /** Allowed values, for Table Schema `constraints.enum`. */
  values?: readonly string[];
}

/** The cell a field holds: one of its allowed values, else text for a string field, else a number or nothing. */
type CellOf<F> = F extends { values: readonly (infer V)[] }
  ? V
  : F extends { type: 'string' }
    ? string
    : number | null;

/**
 * The row of a dataset with these fields: exactly one key per field name, so a row literal with a
 * misspelt, missing or extra key does not compile.
 */
export type RowOf<Fields extends readonly FieldSpec[]> = {
  readonly [Name in Fields[number]['name']]: CellOf<Extract<Fields[number], { name: Name }>>;
};

/**
 * Any dataset's row, seen from a list of datasets of different kinds (the site's six, the metadata's
 * files): every typed row is one, and only the generic formats read it, by its fields' names.
 */
export type AnyRow = { readonly [name: string]: Cell };

/** The names of a row's fields. */
export type FieldName<R> = keyof R & string;

/**
 * A dataset's rows: an array, or rows made afresh on each pass (`lazyRows`) for the big aggregates
 * (10,000 reports × 53 indicators is 530,000 coverage rows), so they are never held at once.
 */
export interface Rows<R = AnyRow> extends Iterable<R> {
  readonly length: number;
}

/** `length` rows, made by `make` each time they are iterated. */
export function lazyRows<R>(length: number, make: () => Iterable<R>): Rows<R> {
  return { length, [Symbol.iterator]: () => make()[Symbol.iterator]() };
}

/** What a dataset is, apart from its fields and rows. */
interface DatasetInfo {
  name: string;
  title: string;
  titleZh: string;
  description: string;
  /** Chinese description (the English one when absent). */
  descriptionZh?: string;
}

/**
 * A published dataset. `Name` is its own parameter (not read off `R`) so that a dataset of typed rows
 * is also a `Dataset`, the any-kind view lists of datasets hold.
 */
export interface Dataset<R extends AnyRow = AnyRow, Name extends string = FieldName<R>> extends DatasetInfo {
  fields: readonly FieldSpec<Name>[];
  primaryKey: readonly Name[];
  rows: Rows<R>;
}

/** A dataset's description and fields, ready to be given rows of the one shape the fields allow. */
interface DatasetSchema<Fields extends readonly FieldSpec[]> extends DatasetInfo {
  fields: Fields;
  primaryKey: readonly Fields[number]['name'][];
  withRows(rows: Rows<RowOf<Fields>>): Dataset<RowOf<Fields>>;
}

/**
 * A dataset's schema: its row type is `RowOf<typeof fields>`, so every field is a key of the row, every
 * key a field, and the primary key names fields.
 */
export function defineDataset<const Fields extends readonly FieldSpec[]>(
  schema: DatasetInfo & { fields: Fields; primaryKey: readonly Fields[number]['name'][] },
): DatasetSchema<Fields> {
  return { ...schema, withRows: (rows) => ({ ...schema, rows }) };
}
