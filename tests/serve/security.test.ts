import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { SECURITY_HEADERS } from '../../lambda/contract/index.ts';
import { publish } from '../../lambda/publish/publish.ts';
import { startServer } from '../../lambda/serve/server.ts';
import { FsStore } from '../../lambda/stores/fs-store.ts';
import { day, settings, writeReports } from '../support/publication.ts';
import { useTempDirs } from '../support/temp.ts';

const tempDir = useTempDirs();
const servers: Server[] = [];
afterEach(() => {
  for (const server of servers.splice(0)) server.close();
});

describe('opendata serve, for security', () => {
  it('binds to 127.0.0.1 unless told otherwise, and sends every security header on pages, data, errors and refusals', async () => {
    const reports = await tempDir();
    await writeReports(reports);
    const dir = await tempDir();
    await publish({ source: new FsStore(reports), target: new FsStore(dir), settings, now: day(1) });
    const { server, url } = await startServer({ dir, port: 0 });
    servers.push(server);
    expect((server.address() as AddressInfo).address).toBe('127.0.0.1');
    const requests: [string, RequestInit, number][] = [
      ['', {}, 200],
      ['reports/xiaowangzhuang-2023/index.html', {}, 200],
      ['data/figures.csv', {}, 200],
      ['problems.json', {}, 200],
      ['nothing-here', {}, 404],
      ['.publish.lock', {}, 404],
      ['', { method: 'POST' }, 405],
    ];
    for (const [path, init, status] of requests) {
      const response = await fetch(url + path, init);
      expect(response.status, path).toBe(status);
      for (const [name, value] of Object.entries(SECURITY_HEADERS))
        expect(response.headers.get(name), `${path} ${name}`).toBe(value);
    }
  });
});
