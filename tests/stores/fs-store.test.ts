import { createHash } from 'node:crypto';
import { mkdir, readdir, stat, symlink, truncate, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FsStore } from '../../lambda/stores/fs-store.ts';
import { ObjectTooLargeError } from '../../lambda/stores/store.ts';
import { useTempDirs } from '../support/temp.ts';

const tempDir = useTempDirs();
const bytes = (s: string) => new TextEncoder().encode(s);

describe('FsStore', () => {
  it('puts, gets, lists sorted and deletes', async () => {
    const store = new FsStore(await tempDir());
    await store.put('data/b.csv', bytes('b'), { contentType: 'text/csv' });
    await store.put('a.txt', bytes('a'), { contentType: 'text/plain' });
    expect(await store.list('')).toEqual(['a.txt', 'data/b.csv']);
    expect(await store.list('data/')).toEqual(['data/b.csv']);
    expect(new TextDecoder().decode(await store.get('data/b.csv'))).toBe('b');
    await store.delete('data/b.csv');
    expect(await store.get('data/b.csv')).toBeUndefined();
    expect(await store.list('')).toEqual(['a.txt']);
  });

  it('lists sizes with the keys, and never reads a file larger than maxBytes (3 GiB, sparse)', async () => {
    const dir = await tempDir();
    const store = new FsStore(dir);
    await store.put('small.txt', bytes('小'), { contentType: 'text/plain' });
    await writeFile(join(dir, 'huge.txt'), '');
    await truncate(join(dir, 'huge.txt'), 3 * 1024 ** 3);
    expect(await store.listWithSizes('')).toEqual([
      { key: 'huge.txt', bytes: 3 * 1024 ** 3 },
      { key: 'small.txt', bytes: 3 },
    ]);
    await expect(store.get('huge.txt', { maxBytes: 1024 })).rejects.toThrow(
      new ObjectTooLargeError('huge.txt', 3 * 1024 ** 3),
    );
    expect(new TextDecoder().decode(await store.get('small.txt', { maxBytes: 3 }))).toBe('小');
    await expect(store.get('small.txt', { maxBytes: 2 })).rejects.toBeInstanceOf(ObjectTooLargeError);
  });

  it('lists nothing for a folder that does not exist', async () => {
    expect(await new FsStore(join(await tempDir(), 'missing')).list('')).toEqual([]);
  });

  it.each(['../x', 'a/../../x', '/etc/passwd', 'a//b', './a', 'a\\b', ''])(
    'refuses the key %j',
    async (key) => {
      const store = new FsStore(await tempDir());
      await expect(store.get(key)).rejects.toThrow(/Unsafe storage key/);
      await expect(store.put(key, bytes('x'), { contentType: 'text/plain' })).rejects.toThrow(
        /Unsafe storage key/,
      );
    },
  );

  it('does not follow a symbolic link out of its folder', async () => {
    const outside = await tempDir();
    await writeFile(join(outside, 'secret.txt'), 'secret');
    const root = await tempDir();
    await mkdir(join(root, 'sub'));
    await symlink(join(outside, 'secret.txt'), join(root, 'sub', 'link.txt'));
    await writeFile(join(root, 'real.txt'), 'real');
    expect(await new FsStore(root).list('')).toEqual(['real.txt']);
  });
});

describe('FsStore head and copy', () => {
  it('heads a file with its sha256 and size, and nothing for a missing key', async () => {
    const store = new FsStore(await tempDir());
    await store.put('a/b.txt', [bytes('小王'), bytes('庄')], { contentType: 'text/plain' });
    expect(new TextDecoder().decode(await store.get('a/b.txt'))).toBe('小王庄');
    expect(await store.head('a/b.txt')).toEqual({
      sha256: createHash('sha256').update('小王庄').digest('hex'),
      bytes: 9,
    });
    expect(await store.head('a/missing.txt')).toBeUndefined();
  });

  it('writes a body made chunk by chunk, and leaves no half file when making it fails', async () => {
    const store = new FsStore(await tempDir());
    function* made() {
      yield bytes('小王');
      yield bytes('庄');
    }
    await store.put('a/c.txt', made(), { contentType: 'text/plain' });
    expect(new TextDecoder().decode(await store.get('a/c.txt'))).toBe('小王庄');
    async function* failing() {
      yield bytes('half');
      throw new Error('made no more');
    }
    await expect(store.put('a/d.txt', failing(), { contentType: 'text/plain' })).rejects.toThrow(
      'made no more',
    );
    expect(await store.list('')).toEqual(['a/c.txt']);
    const root = store.root;
    expect((await readdir(join(root, 'a'))).sort()).toEqual(['c.txt']);
  });

  it('copies by a hard link that a later put of either key leaves alone', async () => {
    const root = await tempDir();
    const store = new FsStore(root);
    await store.put('versions/v1/x.csv', bytes('one'), { contentType: 'text/csv' });
    await store.copy('versions/v1/x.csv', 'x.csv', { contentType: 'text/csv' });
    expect((await stat(join(root, 'x.csv'))).ino).toBe((await stat(join(root, 'versions/v1/x.csv'))).ino);
    await store.put('x.csv', bytes('two'), { contentType: 'text/csv' });
    expect(new TextDecoder().decode(await store.get('versions/v1/x.csv'))).toBe('one');
    expect(new TextDecoder().decode(await store.get('x.csv'))).toBe('two');
    expect(await store.list('')).toEqual(['versions/v1/x.csv', 'x.csv']);
  });

  it('copies over a file already there, replacing it whole and leaving no temporary file', async () => {
    const root = await tempDir();
    const store = new FsStore(root);
    await store.put('versions/v1/x.csv', bytes('one'), { contentType: 'text/csv' });
    await store.put('current/x.csv', bytes('old'), { contentType: 'text/csv' });
    await store.copy('versions/v1/x.csv', 'current/x.csv', { contentType: 'text/csv' });
    expect(new TextDecoder().decode(await store.get('current/x.csv'))).toBe('one');
    expect((await stat(join(root, 'current/x.csv'))).ino).toBe(
      (await stat(join(root, 'versions/v1/x.csv'))).ino,
    );
    expect(await readdir(join(root, 'current'))).toEqual(['x.csv']);
  });
});
