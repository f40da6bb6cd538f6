// The KeyValueStore API is signed with SigV4A; without the native CRT this pure-JS signer provides it.
import '@aws-sdk/signature-v4a';
import {
  type CloudFrontKeyValueStoreClient,
  DescribeKeyValueStoreCommand,
  PutKeyCommand,
} from '@aws-sdk/client-cloudfront-keyvaluestore';
import type { VersionPointer } from '../publish/pointer.ts';
import { KVS_POINTER_KEY } from '../serve/route.ts';

/** A concurrent write moved the store's ETag between our read and our write: read again and retry. */
const ATTEMPTS = 3;

/**
 * The CloudFront KeyValueStore that the viewer-request function (lambda/serve/version-pointer.js)
 * reads: switching its `current` key switches every stable URL at the edges within seconds.
 */
export class KeyValueStorePointer implements VersionPointer {
  constructor(
    readonly client: CloudFrontKeyValueStoreClient,
    readonly storeArn: string,
  ) {}

  get name(): string {
    return `CloudFront KeyValueStore ${this.storeArn}`;
  }

  async switchTo(version: string): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      const { ETag } = await this.client.send(new DescribeKeyValueStoreCommand({ KvsARN: this.storeArn }));
      try {
        await this.client.send(
          new PutKeyCommand({ KvsARN: this.storeArn, Key: KVS_POINTER_KEY, Value: version, IfMatch: ETag }),
        );
        return;
      } catch (error) {
        if ((error as { name?: string }).name !== 'ConflictException' || attempt >= ATTEMPTS) throw error;
      }
    }
  }
}
