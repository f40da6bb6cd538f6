import { writeFile } from 'node:fs/promises';
import type { Server } from 'node:http';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { IMMUTABLE_CACHE_CONTROL, STABLE_CACHE_CONTROL } from '../../lambda/contract/index.ts';
import { publish } from '../../lambda/publish/publish.ts';
import { startServer } from '../../lambda/serve/server.ts';
import { FsStore } from '../../lambda/stores/fs-store.ts';
import { changeOneReport, day, settings, writeReports } from '../support/publication.ts';
import { useTempDirs } from '../support/temp.ts';

const tempDir = useTempDirs();
const servers: Server[] = [];
afterEach(() => {
  for (const server of servers.splice(0)) server.close();
});

describe('opendata serve follows the local pointer', () => {
  it('serves stable paths from the version current.json names, and switches when it moves', async () => {
    const reports = await tempDir();
    await writeReports(reports);
    const dir = await tempDir();
    const target = new FsStore(dir);
    const source = new FsStore(reports);
    const first = await publish({ source, target, settings, now: day(1) });
    const { server, url } = await startServer({ dir, port: 0 });
    servers.push(server);
    const get = async (path: string) => {
      const response = await fetch(url + path);
      return {
        status: response.status,
        cache: response.headers.get('cache-control'),
        body: await response.text(),
      };
    };
    // The stable copy in the folder is not what is served: the version is.
    await writeFile(join(dir, 'data/figures.csv'), 'tampered');
    const stable = await get('data/figures.csv');
    expect(stable.body).toBe(
      new TextDecoder().decode(await target.get(`versions/${first.version}/data/figures.csv`)),
    );
    expect(stable.cache).toBe(STABLE_CACHE_CONTROL);
    expect((await get('')).body).toContain('<html');
    await changeOneReport(reports);
    const second = await publish({ source, target, settings, now: day(2) });
    expect((await get('data/figures.csv')).body).toContain(',2400,件,');
    const old = await get(`versions/${first.version}/data/figures.csv`);
    expect(old.body).not.toContain(',2400,件,');
    expect(old.cache).toBe(IMMUTABLE_CACHE_CONTROL);
    const manifest = await get('manifest.json');
    expect(manifest.cache).toBe(STABLE_CACHE_CONTROL);
    expect(JSON.parse(manifest.body).current).toBe(second.version);
    expect((await get('current.json')).status).toBe(404);
  });

  it('serves a folder without a pointer as it is', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, 'index.html'), '<p>hi</p>');
    const { server, url } = await startServer({ dir, port: 0 });
    servers.push(server);
    expect(await (await fetch(url)).text()).toBe('<p>hi</p>');
  });
});
