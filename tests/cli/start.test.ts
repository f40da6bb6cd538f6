import type { ChildProcess } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { readdir, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { LOCK_FILE } from '../../lambda/publish/lock.ts';
import { runCli, startCli, stop } from '../support/cli.ts';
import { parseCsv } from '../support/csv.ts';
import { PROJECT_ROOT, useTempDirs } from '../support/temp.ts';

const tempDir = useTempDirs();
const children: ChildProcess[] = [];
afterEach(async () => {
  await Promise.all(children.splice(0).map(stop));
});

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

/** What npm start publishes: every report of data/reports (the seed and the 31 provincial reports). */
const SHIPPED = readdirSync(new URL('data/reports/', PROJECT_ROOT))
  .filter((name) => name.endsWith('.txt'))
  .map((name) => name.slice(0, -'.txt'.length))
  .sort();

describe('npm start', () => {
  it('publishes all 32 reports of data/reports and serves a home page that lists them and links figures.csv', async () => {
    expect(SHIPPED).toHaveLength(32);
    const port = await freePort();
    const tsx = fileURLToPath(new URL('node_modules/tsx/dist/cli.mjs', PROJECT_ROOT));
    const start = fileURLToPath(new URL('bin/start.ts', PROJECT_ROOT));
    const started = performance.now();
    const server = await startCli([], {
      command: [tsx, start],
      env: { PORT: String(port), OPENDATA_SITE_DIR: await tempDir() },
    });
    children.push(server.child);
    console.log(`npm start published and served in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    expect(server.url).toBe(`http://127.0.0.1:${port}/`);
    expect(server.output()).toMatch(
      /^Published 32 reports \(\d+ figures\) to .+: new version \S+, \d+ objects written/,
    );
    const home = await (await fetch(server.url)).text();
    expect(home).toContain('<a href="data/figures.csv">');
    for (const id of SHIPPED) expect(home).toContain(`<a href="reports/${id}/index.html">`);
    const [header, ...reports] = parseCsv(
      await (await fetch(new URL('data/reports.csv', server.url))).text(),
    );
    expect(reports.map((row) => row[0]).sort()).toEqual(SHIPPED);
    // Every report's figures are in figures.csv, as many as its row in reports.csv counts.
    const csv = await (await fetch(new URL('data/figures.csv', server.url))).text();
    const [, ...figures] = parseCsv(csv);
    const counted = header?.indexOf('figures') ?? -1;
    for (const row of reports) {
      const rows = figures.filter((figure) => figure[1] === row[0]);
      expect(rows.length).toBeGreaterThan(0);
      expect(String(rows.length)).toBe(row[counted]);
    }
    expect(csv).toContain(`http://127.0.0.1:${port}/reports/xiaowangzhuang-2023/index.html#f-`);
  });

  it('refuses, exit 3, while another publication holds the lock of its folder, and changes nothing', async () => {
    const site = await tempDir();
    // This test's own process: alive, so the lock is held.
    await writeFile(
      join(site, LOCK_FILE),
      JSON.stringify({ pid: process.pid, host: hostname(), started: '2026-11-27T00:00:00.000Z' }),
    );
    const tsx = fileURLToPath(new URL('node_modules/tsx/dist/cli.mjs', PROJECT_ROOT));
    const start = fileURLToPath(new URL('bin/start.ts', PROJECT_ROOT));
    const { code, stdout, stderr } = await runCli([], {
      command: [tsx, start],
      env: { PORT: String(await freePort()), OPENDATA_SITE_DIR: site },
    });
    expect(stdout).toBe('');
    expect(stderr).toBe(
      `opendata: another publication (process ${process.pid} on ${hostname()}, started 2026-11-27T00:00:00.000Z) is writing to ${site}; nothing was changed, run again when it has finished (or delete ${join(site, LOCK_FILE)} if that process is gone)\n`,
    );
    expect(code).toBe(3);
    expect(await readdir(site)).toEqual([LOCK_FILE]);
  });
});
