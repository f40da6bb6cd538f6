import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import addFormatsModule from 'ajv-formats';
import jsonld from 'jsonld';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publish } from '../../lambda/publish/publish.ts';
import { FsStore } from '../../lambda/stores/fs-store.ts';
import { parseCsv } from '../support/csv.ts';
import { changeOneReport, day, settings, writeReports } from '../support/publication.ts';
import { PROJECT_ROOT } from '../support/temp.ts';

const made: string[] = [];
const tempDir = async () => {
  const dir = await mkdtemp(join(tmpdir(), 'opendata-metadata-'));
  made.push(dir);
  return dir;
};
afterAll(async () => {
  await Promise.all(made.map((dir) => rm(dir, { recursive: true, force: true })));
});
const text = (bytes: Uint8Array | undefined) => new TextDecoder().decode(bytes);
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

interface Field {
  name: string;
  type: 'string' | 'integer' | 'number';
  constraints?: { required?: boolean; enum?: string[] };
}
interface Resource {
  name: string;
  path: string;
  format: string;
  bytes: number;
  hash: string;
  schema: { fields: Field[]; primaryKey: string[] };
}

let target: FsStore;
let version: string;
let previousVersion: string;

/** Two publications: the reports, then one figure changed, so the feed has two entries. */
beforeAll(async () => {
  const reports = await tempDir();
  await writeReports(reports);
  const source = new FsStore(reports);
  target = new FsStore(await tempDir());
  previousVersion = (await publish({ source, target, settings, now: day(1) })).version;
  await changeOneReport(reports);
  version = (await publish({ source, target, settings, now: day(2) })).version;
});

async function json(key: string) {
  return JSON.parse(text(await target.get(key)));
}

describe('datapackage.json', () => {
  it('is valid against the Data Package v2 profile', async () => {
    const schema = JSON.parse(
      await readFile(new URL('tests/fixtures/datapackage-v2.schema.json', PROJECT_ROOT), 'utf8'),
    );
    const ajv = new Ajv({ allErrors: true, strict: false });
    (addFormatsModule as unknown as (ajv: Ajv) => void)(ajv);
    const validate = ajv.compile(schema);
    const descriptor = await json('datapackage.json');
    expect(validate(descriptor), JSON.stringify(validate.errors)).toBe(true);
    expect(descriptor).toMatchObject({
      $schema: 'https://datapackage.org/profiles/2.0/datapackage.json',
      version,
      created: '2026-11-02T02:00:00.000Z',
      licenses: [{ name: 'CC-BY-4.0', path: 'https://creativecommons.org/licenses/by/4.0/' }],
    });
    expect(descriptor.description).toContain(settings.description);
    expect(descriptor.description).toContain(settings.descriptionEn);
    for (const source of descriptor.sources) expect(source.hash).toMatch(/^sha256:[0-9a-f]{64}$/);
  });

  it('gives every resource the bytes and sha256 of its file, stable and versioned', async () => {
    const { resources } = (await json('datapackage.json')) as { resources: Resource[] };
    expect(resources.map((r) => r.path).sort()).toEqual(
      ['checks', 'figures', 'indicator-coverage', 'indicators', 'indicators-wide', 'reports']
        .flatMap((name) => [`data/${name}.csv`, `data/${name}.json`])
        .sort(),
    );
    for (const resource of resources) {
      for (const key of [resource.path, `versions/${version}/${resource.path}`]) {
        const bytes = (await target.get(key)) as Uint8Array;
        expect(bytes.byteLength, key).toBe(resource.bytes);
        expect(`sha256:${sha256(bytes)}`, key).toBe(resource.hash);
      }
      for (const field of resource.schema.fields) {
        expect(field).toMatchObject({ title: expect.any(String), 'title:zh': expect.any(String) });
        expect(field).toHaveProperty('description:zh');
      }
    }
  });

  it('describes each CSV: its header, types, required fields, enums and a unique primary key', async () => {
    const { resources } = (await json('datapackage.json')) as { resources: Resource[] };
    for (const resource of resources.filter((r) => r.format === 'csv')) {
      const [header, ...rows] = parseCsv(text(await target.get(resource.path)));
      const { fields, primaryKey } = resource.schema;
      expect(header).toEqual(fields.map((field) => field.name));
      expect(rows.length).toBeGreaterThan(0);
      const keys = new Set<string>();
      for (const row of rows) {
        fields.forEach((field, i) => {
          const cell = row[i] ?? '';
          const where = `${resource.path} ${field.name}=${JSON.stringify(cell)}`;
          if (field.constraints?.required) expect(cell, where).not.toBe('');
          if (cell === '') return;
          if (field.type === 'integer') expect(cell, where).toMatch(/^-?\d+$/);
          if (field.type === 'number') expect(Number.isFinite(Number(cell)), where).toBe(true);
          if (field.constraints?.enum) expect(field.constraints.enum, where).toContain(cell);
        });
        const key = primaryKey.map((name) => row[header?.indexOf(name) ?? -1]).join('\u0000');
        expect(keys.has(key), `${resource.path} duplicate key ${key}`).toBe(false);
        keys.add(key);
      }
    }
  });
});

describe('the figures Table Schema', () => {
  it('gives period, status and change after qualifier, status and change held to their values by an enum', async () => {
    const { resources } = (await json('datapackage.json')) as { resources: Resource[] };
    for (const resource of resources.filter((r) => r.name.startsWith('figures'))) {
      const fields = resource.schema.fields;
      const at = fields.findIndex((field) => field.name === 'qualifier');
      expect(
        fields.slice(at, at + 4).map((field) => field.name),
        resource.path,
      ).toEqual(['qualifier', 'period', 'status', 'change']);
      const byName = new Map(fields.map((field) => [field.name, field]));
      expect(byName.get('status')).toMatchObject({
        type: 'string',
        constraints: { enum: ['actual', 'estimate', 'target'] },
      });
      expect(byName.get('change')).toMatchObject({
        type: 'string',
        constraints: { enum: ['none', 'up', 'down'] },
      });
      expect(byName.get('period')?.constraints?.enum).toBeUndefined();
    }
    const [header, ...rows] = parseCsv(text(await target.get('data/figures.csv')));
    const period = header?.indexOf('period') ?? -1;
    // Each period is one the docs name: a year, whole years, an open start, months.
    for (const row of rows)
      expect(row[period]).toMatch(/^(?:\d{4}(?:-\d{2})?(?:\/\d{4}(?:-\d{2})?)?|\.\.\/\d{4}|)$/);
  });
});

describe('catalog.jsonld', () => {
  /** No network: the catalog's context is inline, and any remote document is refused. */
  const documentLoader = async (url: string) => {
    throw new Error(`no network in tests: ${url}`);
  };

  it('expands as JSON-LD into a DCAT catalog naming every distribution with size and checksum', async () => {
    const { resources } = (await json('datapackage.json')) as { resources: Resource[] };
    const expanded = (await jsonld.expand(await json('catalog.jsonld'), {
      documentLoader: documentLoader as never,
    })) as Record<string, unknown>[];
    const DCAT = 'http://www.w3.org/ns/dcat#';
    const SPDX = 'http://spdx.org/rdf/terms#';
    const catalog = expanded.find((node) => (node['@type'] as string[]).includes(`${DCAT}Catalog`));
    expect(catalog).toBeDefined();
    const nodes = (catalog?.[`${DCAT}dataset`] ?? []) as Record<string, unknown>[];
    const typed = (type: string) =>
      nodes.filter((node) => (node['@type'] as string[]).includes(`${DCAT}${type}`));
    expect(typed('DatasetSeries').length).toBe(2);
    const distributions = typed('Dataset').flatMap(
      (node) => node[`${DCAT}distribution`] as Record<string, unknown>[],
    );
    const downloads = distributions.map((d) => (d[`${DCAT}downloadURL`] as { '@id': string }[])[0]?.['@id']);
    for (const resource of resources) {
      const url = `${settings.baseUrl}/versions/${version}/${resource.path}`;
      expect(downloads).toContain(url);
      const distribution = distributions[downloads.indexOf(url)] as Record<string, unknown>;
      expect((distribution[`${DCAT}byteSize`] as { '@value': string }[])[0]?.['@value']).toBe(
        String(resource.bytes),
      );
      const checksum = (distribution[`${SPDX}checksum`] as Record<string, { '@value': string }[]>[])[0];
      expect(`sha256:${checksum?.[`${SPDX}checksumValue`]?.[0]?.['@value']}`).toBe(resource.hash);
    }
    expect(downloads).toContain(`${settings.baseUrl}/versions/${version}/data/figures.xlsx`);
    expect(downloads).toContain(
      `${settings.baseUrl}/versions/${version}/reports/dawangzhuang-2023/source.txt`,
    );
    const inSeries = typed('Dataset').filter((node) => node[`${DCAT}inSeries`]);
    expect(inSeries).toHaveLength(2);
  });
});

describe('feed.atom', () => {
  it('has one entry per publication, newest first, with the datasets and the figure that changed', async () => {
    const feed = text(await target.get('feed.atom'));
    const entries = [...feed.matchAll(/<entry>([\s\S]*?)<\/entry>/g)].map((m) => m[1] as string);
    expect(entries).toHaveLength(2);
    expect(entries[0]).toContain(`<id>${settings.baseUrl}/versions/${version}/</id>`);
    expect(entries[1]).toContain(`<id>${settings.baseUrl}/versions/${previousVersion}/</id>`);
    expect(entries[0]).toContain('<updated>2026-11-02T02:00:00.000Z</updated>');
    expect(entries[0]).toContain('data/figures.csv');
    expect(entries[0]).toMatch(/dawangzhuang-2023 · [^<]*\(件\): 2361 → 2400/);
    expect(feed).toContain('<updated>2026-11-02T02:00:00.000Z</updated>');
  });

  it('in the first version lists only the first publication: versions never change', async () => {
    const feed = text(await target.get(`versions/${previousVersion}/feed.atom`));
    expect([...feed.matchAll(/<entry>/g)]).toHaveLength(1);
  });
});
