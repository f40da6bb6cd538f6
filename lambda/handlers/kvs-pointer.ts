// The KeyValueStore API is signed with SigV4A; without the native CRT this pure-JS signer provides it.
import '@aws-sdk/signature-v4a';
import {
  type CloudFrontKeyValueStoreClient,
  DescribeKeyValueStoreCommand,
  PutKeyCommand,
} from '@aws-sdk/client-cloudfront-keyvaluestore';
import { KVS_POINTER_KEY } from '../contract/index.ts';
import type { VersionPointer } from '../publish/pointer.ts';
import { type RetryPolicy, retry } from '../retry.ts';
/**
 * A concurrent write moved the store's ETag between our read and our write: read it again and retry,
 * after a short jittered wait so that two writers do not meet again at once. Only the conflict: the
 * SDK client retries throttling and server errors itself.
 */
export const KVS_RETRY: RetryPolicy = { attempts: 3, baseDelayMs: 100, maxDelayMs: 1_000 };

const isConflict = (error: unknown) => (error as { name?: string }).name === 'ConflictException';

/**
 * The CloudFront KeyValueStore that the viewer-request function (lambda/serve/version-pointer.js)
 * reads: switching its `current` key switches every stable URL at the edges within seconds.
 */
export class KeyValueStorePointer implements VersionPointer {
  constructor(
    readonly client: CloudFrontKeyValueStoreClient,
    readonly storeArn: string,
    /** @default KVS_RETRY */
    readonly retryPolicy: RetryPolicy = KVS_RETRY,
  ) {}

  get name(): string {
    return `CloudFront KeyValueStore ${this.storeArn}`;
  }

  async switchTo(version: string): Promise<void> {
    await retry(
      async () => {
        const describe = new DescribeKeyValueStoreCommand({ KvsARN: this.storeArn });
        const { ETag } = await this.client.send(describe);
        const put = { KvsARN: this.storeArn, Key: KVS_POINTER_KEY, Value: version, IfMatch: ETag };
        await this.client.send(new PutKeyCommand(put));
      },
      this.retryPolicy,
      { isTransient: isConflict },
    );
  }
}
