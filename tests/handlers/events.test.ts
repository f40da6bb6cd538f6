import { describe, expect, it } from 'vitest';
import { classifyEvent, decodeS3Key } from '../../lambda/handlers/events.ts';
import { SCHEDULED_EVENT } from '../../lib/constructs/publish-schedule.ts';

const s3Record = (key: string, eventName = 'ObjectCreated:Put') => ({
  eventSource: 'aws:s3',
  eventName,
  s3: { bucket: { name: 'source' }, object: { key } },
});

describe('classifyEvent', () => {
  it.each<[string, unknown, unknown]>([
    ['the schedule of this stack', SCHEDULED_EVENT, { kind: 'schedule' }],
    [
      'an EventBridge scheduled rule',
      { source: 'aws.events', 'detail-type': 'Scheduled Event', detail: {} },
      { kind: 'schedule' },
    ],
    ['a bare manual invoke', {}, { kind: 'manual', force: false, allowShrink: false }],
    ['npm run regenerate', { force: true }, { kind: 'manual', force: true, allowShrink: false }],
    ['an unforced manual invoke', { force: false }, { kind: 'manual', force: false, allowShrink: false }],
    [
      'npm run regenerate -- --allow-shrink',
      { force: true, allowShrink: true },
      { kind: 'manual', force: true, allowShrink: true },
    ],
    ['npm run rollback', { rollback: true }, { kind: 'rollback', version: undefined }],
    [
      'npm run rollback -- <version>',
      { rollback: '20261201T081500Z-3f0c9a1b2c4d' },
      { kind: 'rollback', version: '20261201T081500Z-3f0c9a1b2c4d' },
    ],
    ['npm run rollback -- --release', { release: true }, { kind: 'release' }],
    [
      'an S3 upload and removal',
      {
        Records: [
          s3Record('reports/a+b%E9%95%87.txt'),
          s3Record('reports/old.txt', 'ObjectRemoved:DeleteMarkerCreated'),
        ],
      },
      {
        kind: 's3',
        changes: [
          { event: 'ObjectCreated:Put', bucket: 'source', key: 'reports/a b镇.txt' },
          { event: 'ObjectRemoved:DeleteMarkerCreated', bucket: 'source', key: 'reports/old.txt' },
        ],
      },
    ],
  ])('recognises %s', (_name, event, trigger) => {
    expect(classifyEvent(event)).toEqual(trigger);
  });

  it.each<[string, unknown, RegExp]>([
    ['null', null, /cannot handle the event null/],
    ['a string', 'go', /cannot handle the event "go"/],
    ['an unknown object', { source: 'aws.sqs' }, /cannot handle the event \{"source":"aws.sqs"\}/],
    ['force that is not a boolean', { force: 'yes' }, /cannot handle the event \{"force":"yes"\}/],
    ['a rollback to a number', { rollback: 3 }, /cannot handle the event \{"rollback":3\}/],
    ['a rollback mixed with force', { rollback: true, force: true }, /cannot handle the event/],
    ['a release that is not true', { release: 'now' }, /cannot handle the event/],
    ['an SQS record', { Records: [{ eventSource: 'aws:sqs', body: '{}' }] }, /Expected an S3 event record/],
    [
      'an S3 record without a key',
      { Records: [{ eventSource: 'aws:s3', s3: { bucket: {}, object: {} } }] },
      /names no object/,
    ],
  ])('refuses %s', (_name, event, message) => {
    expect(() => classifyEvent(event)).toThrow(message);
  });
});

describe('decodeS3Key', () => {
  it.each([
    ['reports/xiaowangzhuang-2023.txt', 'reports/xiaowangzhuang-2023.txt'],
    ['reports/my+report.txt', 'reports/my report.txt'],
    ['reports/%E5%B0%8F%E7%8E%8B%E5%BA%84.txt', 'reports/小王庄.txt'],
    ['reports/a%2Bb.txt', 'reports/a+b.txt'],
  ])('%s → %s', (key, decoded) => {
    expect(decodeS3Key(key)).toBe(decoded);
  });
});
