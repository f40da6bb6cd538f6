import { describe, expect, it } from 'vitest';
import { discoverSources, listingLinks, mergeFound } from '../../lambda/fetch/listing.ts';
import type { Source } from '../../lambda/fetch/sources.ts';

const source: Source = {
  id: 'qingshi-2024',
  url: 'https://www.example.org/fzzf/t20250218_1.html',
  entity: '青石镇',
  year: 2024,
  kind: '法治政府建设情况报告',
  license: 'CC-BY-4.0',
  listing: { url: 'https://www.example.org/fzzf/', pattern: '青石镇(?<year>\\d{4})年法治政府建设情况报告' },
};

const LISTING = `<html><body><ul class="list">
  <li><a href="./t20260210_1.html">青石镇2025年法治政府建设情况报告</a><span>2026-02-10</span></li>
  <li><a href="./t20260105_2.html">关于开展普法宣传月活动的通知</a></li>
  <li><a href="/fzzf/t20250218_1.html">青石镇2024年法治政府建设情况报告</a></li>
  <li><a href="https://elsewhere.example.net/x.html">青石镇2026年法治政府建设情况报告</a></li>
  <li><a href="./t20240201_1.html" title="青石镇2023年法治政府建设情况报告">查看</a></li>
  <li><a href="javascript:void(0)">青石镇2027年法治政府建设情况报告</a></li>
</ul></body></html>`;

describe('listing discovery', () => {
  it('reads links with absolute URLs', () => {
    const links = listingLinks(LISTING, 'https://www.example.org/fzzf/');
    expect(links[0]).toEqual({
      text: '青石镇2025年法治政府建设情况报告',
      href: 'https://www.example.org/fzzf/t20260210_1.html',
    });
  });

  it('finds newer reports on the same host only, inheriting the town, kind and license', () => {
    const links = listingLinks(LISTING, 'https://www.example.org/fzzf/');
    expect(discoverSources(source, links, new Set(['qingshi-2024']))).toEqual([
      {
        id: 'qingshi-2025',
        url: 'https://www.example.org/fzzf/t20260210_1.html',
        entity: '青石镇',
        year: 2025,
        kind: '法治政府建设情况报告',
        license: 'CC-BY-4.0',
      },
    ]);
  });

  it('skips ids already known', () => {
    const links = listingLinks(LISTING, 'https://www.example.org/fzzf/');
    expect(discoverSources(source, links, new Set(['qingshi-2024', 'qingshi-2025']))).toEqual([]);
  });

  it('matches the URL when the link text does not say', () => {
    const byUrl = {
      ...source,
      listing: { url: 'https://www.example.org/', pattern: 'fzzf-(?<year>\\d{4})\\.pdf$' },
    };
    const links = [{ text: '下载', href: 'https://www.example.org/files/fzzf-2025.pdf' }];
    expect(discoverSources(byUrl, links, new Set()).map((s) => s.id)).toEqual(['qingshi-2025']);
  });
});

describe('mergeFound', () => {
  const found = (year: number, path: string): Source => {
    const { listing: _, ...inherited } = source;
    return { ...inherited, id: `qingshi-${year}`, year, url: `https://www.example.org/fzzf/${path}` };
  };
  const fetched = new Set(['qingshi-2025']);
  const wasFetched = (id: string) => fetched.has(id);

  it.each([
    [
      'keeps a fetched entry as it was, even when its link moved or went',
      [found(2025, 'a.html')],
      [found(2025, 'b.html')],
      [found(2025, 'a.html')],
    ],
    [
      'keeps a fetched entry the listing no longer links',
      [found(2025, 'a.html')],
      [],
      [found(2025, 'a.html')],
    ],
    [
      'follows a never-fetched entry to its current link, in its old place',
      [found(2026, 'a.html'), found(2025, 'a.html')],
      [found(2027, 'c.html'), found(2026, 'b.html')],
      [found(2026, 'b.html'), found(2025, 'a.html'), found(2027, 'c.html')],
    ],
    ['forgets a never-fetched entry whose link is gone', [found(2026, 'a.html')], [], []],
    [
      'adds new ones in page order',
      [],
      [found(2027, 'c.html'), found(2026, 'b.html')],
      [found(2027, 'c.html'), found(2026, 'b.html')],
    ],
  ])('%s', (_why, previous, fresh, merged) => {
    expect(mergeFound(previous, fresh, wasFetched)).toEqual(merged);
  });

  it('reads the links of a listing nested 100,000 <div>s deep', () => {
    const depth = 100_000;
    const html = `<html><body>${'<div>'.repeat(depth)}${LISTING}${'</div>'.repeat(depth)}</body></html>`;
    expect(listingLinks(html, 'https://www.example.org/fzzf/')).toEqual(
      listingLinks(LISTING, 'https://www.example.org/fzzf/'),
    );
  });
});
