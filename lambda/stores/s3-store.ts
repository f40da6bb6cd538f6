import { Readable } from 'node:stream';
import {
  CopyObjectCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  NoSuchKey,
  PutObjectCommand,
  type S3Client,
} from '@aws-sdk/client-s3';
import { sha256Hex } from '../contract/index.ts';
import type { RetryPolicy } from '../retry.ts';
import {
  assertSafeKey,
  type Body,
  bodyBytes,
  bodyChunks,
  bodyInMemory,
  type GetOptions,
  type ListedObject,
  type ObjectHead,
  ObjectTooLargeError,
  type PutOptions,
  type Store,
} from './store.ts';
import { DEFAULT_RETRY, withRetries } from './store-retry.ts';

/** User metadata key (`x-amz-meta-sha256`) holding the hex sha256 of each object written. */
export const SHA256_METADATA = 'sha256';

/**
 * A bucket (optionally under a key prefix such as `reports/`) as a store. Objects are written with
 * the given Content-Type and Cache-Control and their sha256 in the user metadata, so that anyone
 * can check a download against `datapackage.json` with a HEAD request.
 */
export class S3Store implements Store {
  readonly #prefix: string;

  constructor(
    readonly client: S3Client,
    readonly bucket: string,
    prefix = '',
    /** Transient failures (5xx, throttling, timeouts, resets) are retried so. @default DEFAULT_RETRY */
    readonly retry: RetryPolicy = DEFAULT_RETRY,
  ) {
    this.#prefix = prefix === '' || prefix.endsWith('/') ? prefix : `${prefix}/`;
  }

  /** One request, made afresh for each try; a failure that outlasts the retries is one StoreError. */
  #send<T>(operation: string, key: string, request: () => Promise<T>): Promise<T> {
    return withRetries({ operation, location: this.location, key }, this.retry, request);
  }

  get location(): string {
    return `s3://${this.bucket}/${this.#prefix}`;
  }

  /**
   * With `maxBytes`, an object whose Content-Length is larger is not read: its body is dropped as
   * soon as the headers say so (a Range request would do too, but S3-compatible servers differ on
   * ranges of empty objects), and its full size is reported.
   */
  async get(key: string, options: GetOptions = {}): Promise<Uint8Array | undefined> {
    assertSafeKey(key);
    const { maxBytes } = options;
    const got = await this.#send('GET', key, async () => {
      try {
        const out = await this.client.send(
          new GetObjectCommand({ Bucket: this.bucket, Key: this.#prefix + key }),
        );
        const total = out.ContentLength ?? 0;
        if (maxBytes !== undefined && total > maxBytes) {
          (out.Body as Readable | undefined)?.destroy();
          return { total };
        }
        return { bytes: out.Body ? await out.Body.transformToByteArray() : new Uint8Array(), total };
      } catch (error) {
        if (isMissing(error)) return undefined;
        throw error;
      }
    });
    // Thrown here, not in the request: a size is no failure to retry.
    if (got && !got.bytes) throw new ObjectTooLargeError(key, got.total);
    return got?.bytes;
  }

  /**
   * One PUT. A body made as it is read is streamed when its size and sha256 are given (S3 needs the
   * length up front, and the hash goes in the metadata before the first byte); otherwise it is joined.
   */
  async put(key: string, body: Body, options: PutOptions): Promise<void> {
    assertSafeKey(key);
    const streamed = !bodyInMemory(body) && options.bytes !== undefined && options.sha256 !== undefined;
    const bytes = streamed ? undefined : await bodyBytes(body);
    const send = () =>
      this.client.send(
        new PutObjectCommand({
          Bucket: this.bucket,
          Key: this.#prefix + key,
          Body: bytes ?? Readable.from(bodyChunks(body)),
          ...(bytes ? {} : { ContentLength: options.bytes }),
          ContentType: options.contentType,
          CacheControl: options.cacheControl,
          Metadata: {
            [SHA256_METADATA]: bytes ? sha256Hex(bytes) : (options.sha256 as string),
          },
        }),
      );
    await this.#send('PUT', key, send);
  }

  /** A HEAD request: the sha256 comes from the metadata `put` wrote. */
  async head(key: string): Promise<ObjectHead | undefined> {
    assertSafeKey(key);
    return this.#send('HEAD', key, async () => {
      try {
        const out = await this.client.send(
          new HeadObjectCommand({ Bucket: this.bucket, Key: this.#prefix + key }),
        );
        return { sha256: out.Metadata?.[SHA256_METADATA], bytes: out.ContentLength ?? 0 };
      } catch (error) {
        if (isMissing(error)) return undefined;
        throw error;
      }
    });
  }

  /** A server-side copy with new headers (the copy may be cached differently from its source). */
  async copy(from: string, to: string, options: PutOptions): Promise<void> {
    assertSafeKey(from);
    assertSafeKey(to);
    const sha256 = options.sha256 ?? (await this.head(from))?.sha256;
    const send = () =>
      this.client.send(
        new CopyObjectCommand({
          Bucket: this.bucket,
          Key: this.#prefix + to,
          CopySource: `${this.bucket}/${(this.#prefix + from).split('/').map(encodeURIComponent).join('/')}`,
          MetadataDirective: 'REPLACE',
          ContentType: options.contentType,
          CacheControl: options.cacheControl,
          Metadata: sha256 ? { [SHA256_METADATA]: sha256 } : {},
        }),
      );
    await this.#send('COPY', to, send);
  }

  /**
   * One LIST whose prefix is a single key, so that at most that key comes back: proves the endpoint
   * answers, the credentials are accepted and the bucket exists before a run builds anything, with
   * S3's own error names (a HEAD of the bucket has no body to name them). A prefix that matches one
   * key also never makes a continuation token, which s3rver cannot make on Node 20 (OpenSSL 3).
   * Throws the StoreError of that request.
   */
  async checkAccess(probeKey: string): Promise<void> {
    assertSafeKey(probeKey);
    await this.#send('LIST', probeKey, () =>
      this.client.send(new ListObjectsV2Command({ Bucket: this.bucket, Prefix: this.#prefix + probeKey })),
    );
  }

  async list(prefix: string): Promise<string[]> {
    return (await this.listWithSizes(prefix)).map((object) => object.key);
  }

  async listWithSizes(prefix: string): Promise<ListedObject[]> {
    const objects: ListedObject[] = [];
    let token: string | undefined;
    do {
      const continuation = token;
      const out = await this.#send('LIST', prefix, () =>
        this.client.send(
          new ListObjectsV2Command({
            Bucket: this.bucket,
            Prefix: this.#prefix + prefix,
            ContinuationToken: continuation,
          }),
        ),
      );
      for (const object of out.Contents ?? []) {
        if (!object.Key) continue;
        const bytes = object.Size ?? 0;
        // An ETag changes with the bytes (an MD5 of them, or of a multipart upload's parts).
        const fingerprint = object.ETag ? { fingerprint: `etag:${object.ETag}:${bytes}` } : {};
        objects.push({ key: object.Key.slice(this.#prefix.length), bytes, ...fingerprint });
      }
      token = out.IsTruncated ? out.NextContinuationToken : undefined;
    } while (token);
    return objects.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  }

  async delete(key: string): Promise<void> {
    assertSafeKey(key);
    await this.#send('DELETE', key, () =>
      this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: this.#prefix + key })),
    );
  }
}

function isMissing(error: unknown): boolean {
  const name = (error as { name?: string }).name;
  return error instanceof NoSuchKey || name === 'NoSuchKey' || name === 'NotFound';
}
