import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { buildReport } from '../../../lambda/pipeline/build/build-report.ts';
import { reportDatasets } from '../../../lambda/pipeline/build/report-rows.ts';
import type { CheckRow } from '../../../lambda/pipeline/datasets/checks-dataset.ts';
import {
  type Dataset,
  defineDataset,
  lazyRows,
  type RowOf,
} from '../../../lambda/pipeline/datasets/datasets.ts';
import type { FigureRow } from '../../../lambda/pipeline/datasets/figures-dataset.ts';
import { indicatorsWideDataset, type WideRow } from '../../../lambda/pipeline/datasets/indicator-datasets.ts';
import { SCHEMA_VERSION } from '../../../lambda/pipeline/datasets/schema-version.ts';
import {
  type IndicatorCatalog,
  parseIndicatorCatalog,
} from '../../../lambda/pipeline/indicators/indicator-catalog.ts';
import { matchIndicators } from '../../../lambda/pipeline/indicators/indicators.ts';
import { parseSiteSettings } from '../../../lambda/pipeline/report/settings.ts';
import { PROJECT_ROOT, SEED } from '../../support/temp.ts';

const sample = defineDataset({
  name: 'sample',
  title: 'Sample',
  titleZh: '样例',
  description: 'A sample.',
  fields: [
    { name: 'label', type: 'string', title: 'Label', titleZh: '指标', description: 'What.' },
    { name: 'value', type: 'number', title: 'Value', titleZh: '数值', description: 'How much.' },
    {
      name: 'qualifier',
      type: 'string',
      title: 'Qualifier',
      titleZh: '限定',
      description: 'Exact or not.',
      values: ['exact', 'approx'],
    },
  ],
  primaryKey: ['label'],
});

type SampleRow = RowOf<(typeof sample)['fields']>;

describe('defineDataset: the row type', () => {
  it('types a row by the fields: one key a field, text for strings, a number or nothing for numbers', () => {
    expectTypeOf(sample.withRows([]).rows).toEqualTypeOf<
      Dataset<{
        readonly label: string;
        readonly value: number | null;
        readonly qualifier: 'exact' | 'approx';
      }>['rows']
    >();
    expectTypeOf<keyof CheckRow>().toEqualTypeOf<
      | 'id'
      | 'report_id'
      | 'kind'
      | 'status'
      | 'indicator_id'
      | 'figure_ids'
      | 'expected'
      | 'actual'
      | 'explanation_zh'
      | 'explanation_en'
      | 'url'
    >();
    expectTypeOf<FigureRow['qualifier']>().toEqualTypeOf<'exact' | 'over' | 'under' | 'approx'>();
    expectTypeOf<FigureRow['status']>().toEqualTypeOf<'actual' | 'estimate' | 'target'>();
    expectTypeOf<FigureRow['change']>().toEqualTypeOf<'none' | 'up' | 'down'>();
    expectTypeOf<FigureRow['period']>().toEqualTypeOf<string>();
  });

  it('refuses, at compile time, a row whose keys are not the field names', () => {
    const rows: SampleRow[] = [
      { label: '办理事项', value: 2361, qualifier: 'exact' },
      // @ts-expect-error `valeu` is not a field: misspelt keys do not compile.
      { label: '调解成功率', valeu: 98, qualifier: 'exact' },
      // @ts-expect-error `unit` is not a field of this dataset.
      { label: '约', value: 3, qualifier: 'approx', unit: '件' },
      // @ts-expect-error `qualifier` is missing.
      { label: '无限定', value: 1 },
      // @ts-expect-error `over` is not one of the qualifier's values.
      { label: '余', value: 50, qualifier: 'over' },
    ];
    expect(rows).toHaveLength(5);
    // @ts-expect-error `id` is not a field, so it cannot be the primary key.
    defineDataset({ ...sample, primaryKey: ['id'] });
    // @ts-expect-error a misspelt key in a row given to the dataset.
    sample.withRows([{ label: 'x', value: 1, qualifer: 'exact' }]);
  });
});

describe('lazyRows and the wide form', () => {
  it('types the wide form: fixed report columns, and indicator columns named `<area>.<what>`', () => {
    const row: WideRow = {
      report_id: 'xiaowangzhuang-2023',
      entity: '小王庄镇',
      parent: '天津市滨海新区',
      year: 2023,
      period: '2023',
      target_period: '',
      'mediation.success_rate': 98,
      'service.items_handled': null,
    };
    expectTypeOf(row.report_id).toEqualTypeOf<string>();
    expectTypeOf(row['economy.gdp']).toEqualTypeOf<number | null | undefined>();
    // @ts-expect-error an indicator column is a number, never text.
    const text: WideRow = { ...row, 'economy.gdp': '3.2' };
    // @ts-expect-error a key without a dot is neither a report column nor an indicator.
    const stray: WideRow = { ...row, reprot_id: 'x' };
    expect([text, stray]).toHaveLength(2);
  });

  it('gives the rows afresh on each pass of lazyRows, with their count known before', () => {
    let passes = 0;
    const dataset = sample.withRows(
      lazyRows(2, function* () {
        passes += 1;
        yield { label: 'a', value: 1, qualifier: 'exact' } as const;
        yield { label: 'b', value: null, qualifier: 'approx' } as const;
      }),
    );
    expect(dataset.rows.length).toBe(2);
    expect(passes).toBe(0);
    expect([...dataset.rows].map((row) => row.label)).toEqual(['a', 'b']);
    expect([...dataset.rows]).toHaveLength(2);
    expect(passes).toBe(2);
    expect([dataset.name, dataset.primaryKey, dataset.fields.map((f) => f.name)]).toEqual([
      'sample',
      ['label'],
      ['label', 'value', 'qualifier'],
    ]);
  });
});

const catalog = parseIndicatorCatalog(
  await readFile(new URL('data/indicators.json', PROJECT_ROOT)),
  'data/indicators.json',
);
const settings = parseSiteSettings(await readFile(new URL('data/site.json', PROJECT_ROOT)), 'site.json');
const seed = buildReport({
  id: 'xiaowangzhuang-2023',
  file: 'seed',
  bytes: await readFile(SEED),
  defaultLicense: 'CC-BY-4.0',
});

describe('the datasets of the seed report', () => {
  const datasets: Dataset[] = reportDatasets(settings, seed, catalog);

  it.each(datasets.map((dataset) => [dataset.name, dataset] as const))(
    '%s: every row has exactly the field names as keys',
    (_, dataset) => {
      const names = dataset.fields.map((field) => field.name).sort();
      const rows = [...dataset.rows];
      expect(rows.length).toBe(dataset.rows.length);
      expect(rows.length).toBeGreaterThan(0);
      for (const row of rows) expect(Object.keys(row).sort()).toEqual(names);
    },
  );

  it('has two indicator columns a catalog entry in the wide form, results then targets, after the report columns and periods', () => {
    const wide = indicatorsWideDataset([matchIndicators(seed, catalog)], catalog);
    expect(wide.fields.map((field) => field.name)).toEqual([
      'report_id',
      'entity',
      'parent',
      'year',
      'period',
      'target_period',
      ...catalog.indicators.map((indicator) => indicator.id),
      ...catalog.indicators.map((indicator) => `${indicator.id}:target`),
    ]);
  });

  it('refuses an indicator id that could be taken for a report column', () => {
    const [first] = catalog.indicators;
    if (!first) throw new Error('the catalog has indicators');
    const unchecked: IndicatorCatalog = { ...catalog, indicators: [{ ...first, id: 'year' }] };
    expect(() => indicatorsWideDataset([], unchecked)).toThrow(
      'Indicator id "year" is not <area>.<what>: the catalog should have refused it',
    );
  });
});

/**
 * The columns of every dataset (name, type, allowed values; the indicators-wide columns of the
 * catalog's indicators left out, which follow data/indicators.json) of each schema version. A change
 * of columns fails here until SCHEMA_VERSION is raised, its columns digest added and CHANGELOG.md
 * says what changed.
 */
const COLUMNS_OF_VERSION: Record<string, string> = {
  '2.0.0': '5ab0a61a358b4d9c',
};

describe('the schema version', () => {
  const datasets: Dataset[] = reportDatasets(settings, seed, catalog);
  const indicatorColumn = /^[a-z_]+\.[a-z0-9_.]+(?::target)?$/;
  const columns = datasets.map((dataset) => ({
    dataset: dataset.name,
    fields: dataset.fields
      .filter((f) => dataset.name !== 'indicators-wide' || !indicatorColumn.test(f.name))
      .map((f) => [f.name, f.type, f.values ?? []]),
  }));
  const digest = createHash('sha256').update(JSON.stringify(columns)).digest('hex').slice(0, 16);

  it(`is the version of these columns (digest ${digest})`, () => {
    expect(COLUMNS_OF_VERSION[SCHEMA_VERSION], 'columns changed: raise SCHEMA_VERSION').toBe(digest);
  });
});
