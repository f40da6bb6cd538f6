/**
 * The publisher's IAM policy against what the publisher really does: every S3 request of two
 * publications (the second one removes a report) is recorded at the HTTP level, turned into the IAM
 * action and resource it needs, and checked against the synthesized policy. Every request must be
 * allowed and not denied, and every action the policy allows on the site bucket must be used.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CreateBucketCommand, DeleteObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publish } from '../../lambda/publish/publish.ts';
import { createS3Client } from '../../lambda/stores/s3-client.ts';
import { S3Store } from '../../lambda/stores/s3-store.ts';
import { type FaultyProxy, startFaultyProxy } from '../support/faulty-proxy.ts';
import { day, settings } from '../support/publication.ts';
import { type LocalS3, S3RVER_CREDENTIALS, startLocalS3 } from '../support/s3.ts';
import { stackIds, synthStack } from './synth.ts';

interface Need {
  action: string;
  bucket: string;
  /** The object key, or undefined for the bucket itself. */
  key?: string;
}

interface Statement {
  Effect: 'Allow' | 'Deny';
  Action: string | string[];
  Resource: unknown;
}

let s3: LocalS3;
let proxy: FaultyProxy;
let directory: string;
const needs: Need[] = [];

beforeAll(async () => {
  directory = await mkdtemp(join(tmpdir(), 's3rver-iam-'));
  s3 = await startLocalS3(directory, ['source', 'site']);
  proxy = await startFaultyProxy(s3.endpoint);
  proxy.record = (method, url, headers) => needs.push(...needsOf(method, url, headers));
});
afterAll(async () => {
  await proxy?.close();
  await s3?.close();
  await rm(directory, { recursive: true, force: true });
});

/** The IAM actions one S3 REST request needs. */
function needsOf(method: string, url: string, headers: Record<string, unknown>): Need[] {
  const { pathname } = new URL(url, 'http://s3');
  const [bucket = '', ...rest] = decodeURIComponent(pathname.slice(1)).split('/');
  const key = rest.length > 0 && rest.join('/') !== '' ? rest.join('/') : undefined;
  if (key === undefined) return [{ action: 's3:ListBucket', bucket }];
  if (method === 'DELETE') return [{ action: 's3:DeleteObject', bucket, key }];
  if (method !== 'PUT') return [{ action: 's3:GetObject', bucket, key }];
  const copySource = headers['x-amz-copy-source'];
  if (typeof copySource !== 'string') return [{ action: 's3:PutObject', bucket, key }];
  const [from = '', ...fromKey] = decodeURIComponent(copySource.replace(/^\//, '')).split('/');
  return [
    { action: 's3:PutObject', bucket, key },
    { action: 's3:GetObject', bucket: from, key: fromKey.join('/') },
  ];
}

/** Whether a statement's resource (a bucket ARN, or bucket ARN + `/pattern`) covers the need. */
function covers(resource: unknown, need: Need, bucketIds: Record<string, string>): boolean {
  const id = bucketIds[need.bucket];
  const json = JSON.stringify(resource);
  if (need.key === undefined) return json === JSON.stringify({ 'Fn::GetAtt': [id, 'Arn'] });
  const match = /^\{"Fn::Join":\["",\[\{"Fn::GetAtt":\["([^"]+)","Arn"\]\},"\/([^"]*)"\]\]\}$/.exec(json);
  if (!match || match[1] !== id) return false;
  const pattern = new RegExp(
    `^${(match[2] ?? '').replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*')}$`,
  );
  return pattern.test(need.key);
}

function applies(statement: Statement, need: Need, bucketIds: Record<string, string>): boolean {
  const actions = [statement.Action].flat();
  const resources = [statement.Resource].flat();
  return actions.includes(need.action) && resources.some((r) => covers(r, need, bucketIds));
}

describe("the publisher's IAM policy", () => {
  it('allows every S3 request a publication makes, denies none, and allows nothing on the site bucket it does not use', async () => {
    const client = createS3Client({
      endpoint: proxy.endpoint,
      region: 'us-east-1',
      credentials: S3RVER_CREDENTIALS,
    });
    const source = new S3Store(client, 'source', 'reports/');
    const target = new S3Store(client, 'site');
    const text = (town: string) =>
      `${town}2024年法治政府建设情况报告\n一、主要成效\n全年共受理矛盾纠纷12件。\n`;
    await s3.client.send(new CreateBucketCommand({ Bucket: 'unused' })).catch(() => {});
    for (const town of ['qingshi', 'baishi'])
      await s3.client.send(
        new PutObjectCommand({ Bucket: 'source', Key: `reports/${town}-2024.txt`, Body: text(town) }),
      );
    await publish({ source, target, settings, now: day(1) });
    await s3.client.send(new DeleteObjectCommand({ Bucket: 'source', Key: 'reports/baishi-2024.txt' }));
    await publish({ source, target, settings, now: day(2) });

    const { stack, template } = synthStack();
    const ids = stackIds(stack, template);
    const bucketIds = { source: ids.source, site: ids.site };
    const role = stack.getLogicalId(stack.publisher.function.role?.node.defaultChild as never);
    const policies = template.findResources('AWS::IAM::Policy', { Properties: { Roles: [{ Ref: role }] } });
    const statements: Statement[] = Object.values(policies).flatMap(
      (p) => p.Properties.PolicyDocument.Statement,
    );
    expect(needs.some((n) => n.action === 's3:DeleteObject')).toBe(true);
    for (const need of needs) {
      expect(
        statements.some((s) => s.Effect === 'Allow' && applies(s, need, bucketIds)),
        JSON.stringify(need),
      ).toBe(true);
      expect(
        statements.some((s) => s.Effect === 'Deny' && applies(s, need, bucketIds)),
        JSON.stringify(need),
      ).toBe(false);
    }
    const siteActions = statements
      .filter(
        (s) => s.Effect === 'Allow' && [s.Resource].flat().some((r) => JSON.stringify(r).includes(ids.site)),
      )
      .flatMap((s) => [s.Action].flat());
    const used = new Set(needs.filter((n) => n.bucket === 'site').map((n) => n.action));
    // Not a request of its own: without it S3 answers a GET of a missing key (the publisher probes for
    // manifest.json and publishing.json) with 403 instead of 404.
    used.add('s3:ListBucket');
    expect([...new Set(siteActions)].sort()).toEqual([...used].sort());
  });
});
