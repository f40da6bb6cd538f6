import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildReport } from '../../../lambda/pipeline/build/build-report.ts';
import type { Report } from '../../../lambda/pipeline/report/report.ts';
import { sentenceAt } from '../../../lambda/pipeline/structure/structure.ts';
import { CORPUS, PROJECT_ROOT } from '../../support/temp.ts';

const REPORTS = new URL('data/reports/', PROJECT_ROOT);

/**
 * The ids as they have always been defined, computed the plain way: sha256 of report id, whole
 * sentence, figure text and how many figures of that text an equal sentence had before.
 */
function referenceIds(report: Report): string[] {
  const seen = new Map<string, number>();
  return report.figures.map((figure) => {
    const span = sentenceAt(report.structure, figure.start);
    const key = `${report.text.slice(span.start, span.end)}\u0000${figure.text}`;
    // Counted under a digest: long strings as Map keys collide in V8 (the cause of #13).
    const counted = createHash('sha256').update(key).digest('hex');
    const occurrence = seen.get(counted) ?? 0;
    seen.set(counted, occurrence + 1);
    return createHash('sha256')
      .update(`${report.id}\u0000${key}\u0000${occurrence}`)
      .digest('hex')
      .slice(0, 12);
  });
}

const build = (id: string, bytes: Uint8Array) =>
  buildReport({ id, file: `${id}.txt`, bytes, defaultLicense: 'CC-BY-4.0' });
const texts = [
  ...readdirSync(REPORTS)
    .filter((name) => name.endsWith('.txt'))
    .map((name) => new URL(name, REPORTS)),
  ...readdirSync(CORPUS)
    .filter((name) => name.endsWith('.txt'))
    .map((name) => new URL(name, CORPUS)),
];

describe('figure ids', () => {
  it('covers the 32 shipped reports and the 12 corpus texts', () => {
    expect(texts).toHaveLength(44);
  });

  it.each(texts.map((url) => [url.pathname.split('/').slice(-1)[0] as string, url]))(
    '%s: every id is the id of the definition',
    (name, url) => {
      const report = build(name.replace(/\.txt$/, ''), readFileSync(url));
      expect(report.figures.length).toBeGreaterThan(0);
      expect(report.figures.map((figure) => figure.id)).toEqual(referenceIds(report));
    },
  );

  it('are those of the definition for one sentence of 3,000 figures, repeats and equal sentences included', () => {
    const sentence = Array.from({ length: 3000 }, (_, i) => `办理事项${1000 + (i % 1500)}件，`).join('');
    const text = `青石镇2024年法治政府建设情况报告\n一、主要成效\n${sentence}。\n${sentence}。\n`;
    const report = build('qingshi-2024', new TextEncoder().encode(text));
    expect(report.figures).toHaveLength(6000);
    const ids = report.figures.map((figure) => figure.id);
    expect(ids).toEqual(referenceIds(report));
    expect(new Set(ids).size).toBe(6000);
  });
});
