import { createHash } from 'node:crypto';
import { HeadObjectCommand } from '@aws-sdk/client-s3';
import { describe, expect, it } from 'vitest';
import { S3Store, SHA256_METADATA } from '../../lambda/stores/s3-store.ts';
import { ObjectTooLargeError } from '../../lambda/stores/store.ts';
import { useLocalS3 } from '../support/s3.ts';

const s3 = useLocalS3(['site']);

const bytes = (s: string) => new TextEncoder().encode(s);

describe('S3Store against a local S3 server', () => {
  it('lists sizes with the keys, and does not read the body of an object larger than maxBytes', async () => {
    const store = new S3Store(s3().client, 'site', 'sizes');
    const big = new Uint8Array(2 * 1024 * 1024).fill(0x41);
    await store.put('big.txt', big, { contentType: 'text/plain' });
    await store.put('small.txt', bytes('小'), { contentType: 'text/plain' });
    await store.put('empty.txt', new Uint8Array(), { contentType: 'text/plain' });
    const listed = await store.listWithSizes('');
    expect(listed.map(({ key, bytes }) => ({ key, bytes }))).toEqual([
      { key: 'big.txt', bytes: big.byteLength },
      { key: 'empty.txt', bytes: 0 },
      { key: 'small.txt', bytes: 3 },
    ]);
    // Each with its ETag as its fingerprint, which changes with the bytes, not with a rewrite of the same.
    expect(listed.every((object) => /^etag:"[0-9a-f]{32}":\d+$/.test(object.fingerprint ?? ''))).toBe(true);
    const fingerprintOf = async (key: string) =>
      (await store.listWithSizes('')).find((object) => object.key === key)?.fingerprint;
    const small = await fingerprintOf('small.txt');
    await store.put('small.txt', bytes('小'), { contentType: 'text/plain' });
    expect(await fingerprintOf('small.txt')).toBe(small);
    await store.put('small.txt', bytes('大'), { contentType: 'text/plain' });
    expect(await fingerprintOf('small.txt')).not.toBe(small);
    await store.put('small.txt', bytes('小'), { contentType: 'text/plain' });
    await expect(store.get('big.txt', { maxBytes: 1024 })).rejects.toThrow(
      new ObjectTooLargeError('big.txt', big.byteLength),
    );
    expect(new TextDecoder().decode(await store.get('small.txt', { maxBytes: 3 }))).toBe('小');
    expect((await store.get('empty.txt', { maxBytes: 3 }))?.byteLength).toBe(0);
    expect(await store.get('missing.txt', { maxBytes: 3 })).toBeUndefined();
    expect((await store.get('big.txt'))?.byteLength).toBe(big.byteLength);
  });

  it('puts with content type, gets, lists under its prefix and deletes', async () => {
    const store = new S3Store(s3().client, 'site', 'v1');
    expect(store.location).toBe('s3://site/v1/');
    await store.put('data/figures.csv', bytes('a,b\r\n'), { contentType: 'text/csv; charset=utf-8' });
    await store.put('index.html', bytes('<p>中文</p>'), {
      contentType: 'text/html; charset=utf-8',
      cacheControl: 'max-age=60',
    });
    expect(await store.list('')).toEqual(['data/figures.csv', 'index.html']);
    expect(await store.list('data/')).toEqual(['data/figures.csv']);
    expect(new TextDecoder().decode(await store.get('index.html'))).toBe('<p>中文</p>');
    const head = await s3().client.send(new HeadObjectCommand({ Bucket: 'site', Key: 'v1/index.html' }));
    expect(head.ContentType).toBe('text/html; charset=utf-8');
    expect(head.CacheControl).toBe('max-age=60');
    await store.delete('index.html');
    expect(await store.get('index.html')).toBeUndefined();
    expect(await store.list('')).toEqual(['data/figures.csv']);
  });

  it.each([
    ['data/figures.csv', 'text/csv; charset=utf-8', 'public, max-age=300', 'id,value\r\n1,2361\r\n'],
    ['index.html', 'text/html; charset=utf-8', undefined, '<p>小王庄镇</p>'],
    ['empty.json', 'application/json', 'public, max-age=31536000, immutable', ''],
  ])(
    'stores %s with its Content-Type, Cache-Control and sha256 metadata',
    async (key, contentType, cacheControl, text) => {
      const store = new S3Store(s3().client, 'site', 'meta');
      await store.put(key, bytes(text), { contentType, ...(cacheControl ? { cacheControl } : {}) });
      const head = await s3().client.send(new HeadObjectCommand({ Bucket: 'site', Key: `meta/${key}` }));
      expect(head.ContentType).toBe(contentType);
      expect(head.CacheControl).toBe(cacheControl);
      expect(head.Metadata).toEqual({
        [SHA256_METADATA]: createHash('sha256').update(bytes(text)).digest('hex'),
      });
    },
  );

  it('heads an object with the sha256 it was written with, and copies it server-side with new headers', async () => {
    const store = new S3Store(s3().client, 'site', 'copies');
    const body = bytes('id,value\r\n1,2361\r\n');
    const sha256 = createHash('sha256').update(body).digest('hex');
    await store.put('versions/v1/data.csv', body, {
      contentType: 'text/csv; charset=utf-8',
      cacheControl: 'public, max-age=31536000, immutable',
    });
    expect(await store.head('versions/v1/data.csv')).toEqual({ sha256, bytes: body.byteLength });
    expect(await store.head('versions/v1/missing.csv')).toBeUndefined();
    await store.copy('versions/v1/data.csv', 'data.csv', {
      contentType: 'text/csv; charset=utf-8',
      cacheControl: 'public, max-age=300',
    });
    const head = await s3().client.send(new HeadObjectCommand({ Bucket: 'site', Key: 'copies/data.csv' }));
    expect(head.CacheControl).toBe('public, max-age=300');
    expect(head.ContentType).toBe('text/csv; charset=utf-8');
    expect(head.Metadata).toEqual({ [SHA256_METADATA]: sha256 });
    expect(new TextDecoder().decode(await store.get('data.csv'))).toBe('id,value\r\n1,2361\r\n');
    await store.put('big.txt', [bytes('a'), bytes('b')], { contentType: 'text/plain' });
    expect(new TextDecoder().decode(await store.get('big.txt'))).toBe('ab');
  });

  it('streams a body made chunk by chunk when its size and sha256 are given, and joins it when not', async () => {
    const store = new S3Store(s3().client, 'site', 'streamed');
    const chunks = ['小王庄', ',2361', '\r\n'].map(bytes);
    const whole = Buffer.concat(chunks);
    const sha256 = createHash('sha256').update(whole).digest('hex');
    let reads = 0;
    async function* made() {
      reads += 1;
      for (const chunk of chunks) yield chunk;
    }
    await store.put('a.csv', made(), { contentType: 'text/csv', sha256, bytes: whole.byteLength });
    await store.put('b.csv', made(), { contentType: 'text/csv' });
    expect(reads).toBe(2);
    for (const key of ['a.csv', 'b.csv']) {
      expect(Buffer.from((await store.get(key)) ?? new Uint8Array()).equals(whole)).toBe(true);
      expect(await store.head(key)).toEqual({ sha256, bytes: whole.byteLength });
    }
  });

  it('refuses keys that would escape its prefix', async () => {
    const store = new S3Store(s3().client, 'site', 'v1');
    await expect(store.put('../x', bytes('x'), { contentType: 'text/plain' })).rejects.toThrow(
      /Unsafe storage key/,
    );
  });
});
