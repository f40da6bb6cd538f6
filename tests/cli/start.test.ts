import type { ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { startCli, stop } from '../support/cli.ts';
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

describe('npm start', () => {
  it('publishes data/reports and serves a home page that links figures.csv with the seed’s figures', async () => {
    const port = await freePort();
    const tsx = fileURLToPath(new URL('node_modules/tsx/dist/cli.mjs', PROJECT_ROOT));
    const start = fileURLToPath(new URL('bin/start.ts', PROJECT_ROOT));
    const server = await startCli([], {
      command: [tsx, start],
      env: { PORT: String(port), OPENDATA_SITE_DIR: await tempDir() },
    });
    children.push(server.child);
    expect(server.url).toBe(`http://127.0.0.1:${port}/`);
    const home = await (await fetch(server.url)).text();
    expect(home).toContain('<a href="data/figures.csv">');
    const csv = await (await fetch(new URL('data/figures.csv', server.url))).text();
    const rows = csv.trim().split('\r\n').slice(1);
    expect(rows.length).toBeGreaterThan(20);
    expect(rows.every((row) => row.includes(',xiaowangzhuang-2023,小王庄镇,2023,'))).toBe(true);
    expect(csv).toContain(`http://127.0.0.1:${port}/reports/xiaowangzhuang-2023/index.html#f-`);
  });
});
