import { describe, expect, it } from 'vitest';
import { discoveredId, parseSources, type Source } from '../../lambda/fetch/sources.ts';

const bytes = (value: unknown) => new TextEncoder().encode(JSON.stringify(value));
const valid: Source = {
  id: 'qingshi-2024',
  url: 'https://www.example.org/qingshi/2024.html',
  entity: '青石镇',
  parent: '示例区',
  year: 2024,
  kind: '法治政府建设情况报告',
  listing: {
    url: 'https://www.example.org/qingshi/',
    pattern: '青石镇(?<year>\\d{4})年法治政府建设情况报告',
  },
};

describe('parseSources', () => {
  it('accepts an empty registry and a full entry', () => {
    expect(parseSources(bytes([]), 'data/sources.json')).toEqual([]);
    expect(parseSources(bytes([valid]), 'data/sources.json')).toEqual([valid]);
  });

  it('ships data/sources.json as a valid (empty) registry', async () => {
    const { readFile } = await import('node:fs/promises');
    const file = new URL('../../data/sources.json', import.meta.url);
    expect(parseSources(await readFile(file), 'data/sources.json')).toEqual([]);
  });

  it.each<[unknown, string]>([
    [{ ...valid, id: 'Qingshi 2024' }, 'field "0.id": must be lower-case letters'],
    [
      { ...valid, id: 'Qingshi-2024' },
      'field "0.id": must be lower-case letters, digits and - _ . (a report id)',
    ],
    ...['../escape-{year}', 'Upper-{year}', 'has space-{year}', 'qingshi-{year}/x', '{year}-'].map(
      (id): [unknown, string] => [
        { ...valid, listing: { ...valid.listing, id } },
        'field "0.listing.id": must be a report id once {year} is filled in (lower-case letters, digits and - _ .)',
      ],
    ),
    [{ ...valid, listing: { ...valid.listing, id: 'qingshi' } }, 'field "0.listing.id": must contain {year}'],
    [{ ...valid, url: 'ftp://www.example.org/a' }, 'field "0.url"'],
    [{ ...valid, year: 1800 }, 'field "0.year"'],
    [{ ...valid, entity: undefined }, 'field "0.entity"'],
    [
      { ...valid, listing: { ...valid.listing, pattern: '青石镇(\\d{4})' } },
      'field "0.listing.pattern": needs a named group',
    ],
    [
      { ...valid, listing: { ...valid.listing, pattern: '(?<year>' } },
      'field "0.listing.pattern": is not a valid regular expression',
    ],
  ])('refuses entry %# naming the file and the field', (entry, message) => {
    expect(() => parseSources(bytes([entry]), 'data/sources.json')).toThrow(
      `data/sources.json: has an invalid ${message}`,
    );
  });

  it('refuses an unknown field, naming it', () => {
    expect(() => parseSources(bytes([{ ...valid, extra: 1 }]), 'data/sources.json')).toThrow(
      'data/sources.json: has an unknown field "extra" in "0"',
    );
  });

  it('accepts listing ids that are report ids for every year', () => {
    for (const id of ['qingshi-{year}', '{year}-qingshi', 'qs.{year}_fzzf', 'qingshi{year}'])
      expect(
        parseSources(bytes([{ ...valid, listing: { ...valid.listing, id } }]), 'x.json')[0]?.listing?.id,
      ).toBe(id);
  });

  it('refuses an id used twice', () => {
    expect(() => parseSources(bytes([valid, valid]), 'sources.json')).toThrow(
      'sources.json: has an invalid field "1.id": "qingshi-2024" is used twice',
    );
  });
});

describe('discoveredId', () => {
  it.each([
    [valid, 2025, 'qingshi-2025'],
    [{ ...valid, id: 'qingshi-fzzf' }, 2025, 'qingshi-fzzf-2025'],
    [
      {
        ...valid,
        listing: { url: 'https://www.example.org/', pattern: '(?<year>\\d{4})', id: 'qs-{year}-report' },
      },
      2025,
      'qs-2025-report',
    ],
  ])('example %# in %i → %s', (source, year, id) => {
    expect(discoveredId(source as Source, year)).toBe(id);
  });
});
