import { readFile } from 'node:fs/promises';
import type { Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { STABLE_CACHE_CONTROL } from '../../lambda/contract/index.ts';
import { VERSION_POINTER_FUNCTION, VERSIONS_PATH_PATTERN } from '../../lib/constructs/static-site.ts';
import type { OpendataStack } from '../../lib/opendata-stack.ts';
import { arn, stackIds, synthStack } from './synth.ts';

/** The atomic switch on AWS: a KeyValueStore pointer read by a viewer-request function on the stable paths. */
let stack: OpendataStack;
let template: Template;
let ids: ReturnType<typeof stackIds>;
let config: {
  DefaultCacheBehavior: Record<string, unknown>;
  CacheBehaviors: (Record<string, unknown> & { PathPattern: string })[];
};

beforeAll(() => {
  ({ stack, template } = synthStack());
  ids = stackIds(stack, template);
  config = template.toJSON().Resources[ids.distribution].Properties.DistributionConfig;
});

describe('version pointer', () => {
  it('is a KeyValueStore associated with a cloudfront-js-2.0 function whose code is lambda/serve/version-pointer.js', async () => {
    template.resourceCountIs('AWS::CloudFront::KeyValueStore', 1);
    const fn = template.toJSON().Resources[ids.pointerFunction].Properties;
    expect(fn.FunctionConfig.Runtime).toBe('cloudfront-js-2.0');
    expect(fn.FunctionConfig.KeyValueStoreAssociations).toEqual([{ KeyValueStoreARN: arn(ids.kvs) }]);
    expect(fn.FunctionCode).toBe(await readFile(VERSION_POINTER_FUNCTION, 'utf8'));
    expect(fn.AutoPublish).toBe(true);
    expect(Buffer.byteLength(fn.FunctionCode)).toBeLessThan(10 * 1024);
  });

  it('runs on viewer request for every stable behaviour, and not for /versions/*', () => {
    const association = [
      { EventType: 'viewer-request', FunctionARN: { 'Fn::GetAtt': [ids.pointerFunction, 'FunctionARN'] } },
    ];
    expect(config.DefaultCacheBehavior.FunctionAssociations).toEqual(association);
    for (const behavior of config.CacheBehaviors) {
      if (behavior.PathPattern === VERSIONS_PATH_PATTERN)
        expect(behavior.FunctionAssociations).toBeUndefined();
      else expect(behavior.FunctionAssociations, behavior.PathPattern).toEqual(association);
    }
  });

  it('overrides Cache-Control with the short stable one on stable behaviours only', () => {
    const policies = template.toJSON().Resources;
    const override = (behavior: Record<string, unknown>) =>
      policies[(behavior.ResponseHeadersPolicyId as { Ref: string }).Ref].Properties
        .ResponseHeadersPolicyConfig.CustomHeadersConfig;
    expect(override(config.DefaultCacheBehavior)).toEqual({
      Items: [{ Header: 'Cache-Control', Value: STABLE_CACHE_CONTROL, Override: true }],
    });
    for (const behavior of config.CacheBehaviors) {
      if (behavior.PathPattern === VERSIONS_PATH_PATTERN) expect(override(behavior)).toBeUndefined();
      else expect(override(behavior)?.Items[0].Value).toBe(STABLE_CACHE_CONTROL);
    }
  });
});
