import { readFile } from 'node:fs/promises';
import iconv from 'iconv-lite';
import { FsStore } from '../../../lambda/stores/fs-store.ts';
import { RecordingStore } from './recording-store.ts';

/** Fast retries and no pacing, for runs against the local test server. */
export const POLICY = { timeoutMs: 300, retries: 1, backoffMs: 10, maxBackoffMs: 20, minIntervalMs: 0 };
export const NOW = () => new Date('2025-03-01T08:00:00Z');

export const fixture = (name: string) => readFile(new URL(`../fixtures/${name}`, import.meta.url), 'utf8');
export const gbk = (text: string) => new Uint8Array(iconv.encode(text, 'gbk'));

/** Qingshi's column page: one link per year to `/qingshi/<year>.html`, and a notice that is no report. */
export const listing = (years: number[]) =>
  `<html><head><meta charset="utf-8"></head><body><ul>${years
    .map((y) => `<li><a href="/qingshi/${y}.html">青石镇${y}年法治政府建设情况报告</a></li>`)
    .join('')}<li><a href="/notice.html">关于开展普法宣传月活动的通知</a></li></ul></body></html>`;

/** Qingshi's 2024 report page (GBK) with every year replaced by `year`. */
export const qingshiPage = async (year: number) =>
  gbk((await fixture('trs-page.html.txt')).replaceAll('2024', String(year)));

/** A reports folder and an archive folder, each noting what is written to it. */
export async function recordingStores(tempDir: () => Promise<string>) {
  const reports = new RecordingStore(new FsStore(await tempDir()));
  const archive = new RecordingStore(new FsStore(await tempDir()));
  return { reports, archive };
}

export const text = async (store: RecordingStore, key: string) =>
  new TextDecoder().decode(await store.get(key));
export const json = async (store: RecordingStore, key: string) => JSON.parse(await text(store, key));
