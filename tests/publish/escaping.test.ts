/**
 * Report text in the XML and JSON-LD outputs is data, never markup: a title or label holding
 * `</title><script>` or `]]>` parses back, with a strict XML parser or JSON.parse, to the very text.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { SaxesParser } from 'saxes';
import { describe, expect, it } from 'vitest';
import { xml2js } from 'xml-js';
import { atomFeed } from '../../lambda/pipeline/metadata/feed.ts';
import type { VersionRecord } from '../../lambda/pipeline/metadata/publication.ts';
import { publish } from '../../lambda/publish/publish.ts';
import { FsStore } from '../../lambda/stores/fs-store.ts';
import { MemoryStore } from '../support/memory-store.ts';
import { settings } from '../support/publication.ts';
import { useTempDirs } from '../support/temp.ts';

const tempDir = useTempDirs();

const HOSTILE = '</title><script>alert("x")</script>]]><![CDATA[ & \u202e';

type XmlNode = { type: string; name?: string; text?: string; cdata?: string; elements?: XmlNode[] };

/** The text of every element with that name, entities and CDATA resolved, in document order. */
function texts(node: XmlNode, name: string, found: string[] = []): string[] {
  if (node.name === name)
    found.push((node.elements ?? []).map((child) => child.text ?? child.cdata ?? '').join(''));
  for (const child of node.elements ?? []) texts(child, name, found);
  return found;
}

describe('hostile report text in feed.atom and catalog.jsonld', () => {
  it('feed.atom is well-formed XML whose titles and entry content parse back to the text', () => {
    const record: VersionRecord = {
      version: '20261127T020000Z-0123456789ab',
      created: '2026-11-27T02:00:00.000Z',
      path: 'versions/20261127T020000Z-0123456789ab/',
      reports: 1,
      figures: 1,
      datasets: ['data/figures.csv'],
      changes: {
        reports: { added: [], removed: [], changed: ['x-2024'] },
        figures: [{ report: 'x-2024', section: HOSTILE, label: HOSTILE, unit: '件', old: 1, new: 2 }],
        figuresChanged: 1,
      },
    };
    const xml = atomFeed({ ...settings, title: HOSTILE }, [record]);
    const document = xml2js(xml, { compact: false }) as XmlNode;
    expect(texts(document, 'title')[0]).toBe(`${HOSTILE} · ${settings.titleEn}`);
    const content = texts(document, 'content')[0] ?? '';
    // The content is HTML carried in XML: the label in it is escaped HTML text, never a tag.
    expect(content).toContain('&lt;/title&gt;&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;]]&gt;');
    expect(content).not.toContain('<script>');
  });

  it('catalog.jsonld parses to the very title and entity the sidecar gave', async () => {
    const dir = await tempDir();
    await writeFile(
      join(dir, 'x-2024.txt'),
      '某某镇2024年法治政府建设情况报告\n一、主要成效\n全年共受理矛盾纠纷12件。\n',
    );
    await writeFile(
      join(dir, 'x-2024.meta.json'),
      JSON.stringify({ title: HOSTILE, entity: `${HOSTILE}镇` }),
    );
    const target = new MemoryStore();
    const summary = await publish({ source: new FsStore(dir), target, settings });
    expect(summary.problems).toEqual([]);
    const catalog = JSON.parse(target.text('catalog.jsonld') ?? '');
    const report = catalog['dcat:dataset'].find(
      (d: Record<string, unknown>) => d['dcterms:identifier'] === 'x-2024',
    );
    expect(report['dcterms:title']).toBe(HOSTILE);
    const feed = xml2js(target.text('feed.atom') ?? '', { compact: false }) as XmlNode;
    expect(texts(feed, 'entry')).toHaveLength(1);
    expect(JSON.parse(target.text('datapackage.json') ?? '')).toBeTruthy();
  });
});

/** The first well-formedness error a conformant XML 1.0 parser finds, or undefined. */
function xmlError(xml: string): string | undefined {
  let error: string | undefined;
  const parser = new SaxesParser();
  parser.on('error', (e) => {
    error ??= e.message;
  });
  parser.write(xml).close();
  return error;
}

describe('characters XML cannot hold', () => {
  it('a form feed and a vertical tab in a label leave feed.atom well-formed; the CSV keeps them', async () => {
    const dir = await tempDir();
    const text = (n: number) =>
      `小王庄镇2023年法治政府建设情况报告\n一、主要成效\n全年共办理\f行政\v事项${n}件，调解纠纷12件。\n`;
    await writeFile(join(dir, 'x-2023.txt'), text(2361));
    const target = new MemoryStore();
    await publish({ source: new FsStore(dir), target, settings, now: new Date('2026-11-01T00:00:00Z') });
    await writeFile(join(dir, 'x-2023.txt'), text(2400));
    const summary = await publish({
      source: new FsStore(dir),
      target,
      settings,
      now: new Date('2026-11-02T00:00:00Z'),
    });
    expect(xmlError('<a>\f</a>')).toBeDefined();
    const feed = target.text('feed.atom') ?? '';
    expect(feed).toContain('办理行政事项 (件): 2361 → 2400');
    expect(xmlError(feed)).toBeUndefined();
    expect(xmlError(target.text(`versions/${summary.version}/feed.atom`) ?? '')).toBeUndefined();
    expect(target.text('data/figures.csv')).toContain('办理\f行政\v事项');
  });
});
