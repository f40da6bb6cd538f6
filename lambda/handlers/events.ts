import type { S3Event, ScheduledEvent } from 'aws-lambda';

/**
 * Why the publisher runs. Every publishing trigger publishes the whole site (`force` also clears
 * CloudFront's caches, `allowShrink` lets one manual run drop most reports); `rollback` switches the
 * site back to a kept version and pins it, `release` lifts that pin.
 */
export type Trigger =
  | { kind: 'schedule' }
  | { kind: 's3'; changes: { event: string; bucket: string; key: string }[] }
  | { kind: 'manual'; force: boolean; allowShrink: boolean }
  | { kind: 'rollback'; version: string | undefined }
  | { kind: 'release' };

/**
 * What the schedule in lib/constructs/publish-schedule.ts sends (lib/ spells it, as it may import
 * only the contract).
 * @public
 */
export interface ScheduleInput {
  trigger: 'schedule';
}

/** What `npm run regenerate` sends; `{}` (a bare `aws lambda invoke`) is a manual run too. */
export interface ManualInput {
  force?: boolean;
  allowShrink?: boolean;
}

/** What `npm run rollback` sends: a version id, or `true` for the version before the current one. */
export interface RollbackInput {
  rollback: string | true;
}

/** What `npm run rollback -- --release` sends. */
export interface ReleaseInput {
  release: true;
}

/**
 * Every event the publisher function accepts: the contract for whoever invokes it.
 * @public
 */
export type PublisherEvent =
  | ScheduleInput
  | ScheduledEvent
  | S3Event
  | ManualInput
  | RollbackInput
  | ReleaseInput;

/** Recognises the event; anything else is a mistake in the wiring and fails the invocation. */
export function classifyEvent(event: unknown): Trigger {
  if (!isObject(event)) throw new Error(`The publisher cannot handle the event ${JSON.stringify(event)}`);
  if (event.trigger === 'schedule' || event['detail-type'] === 'Scheduled Event') return { kind: 'schedule' };
  if (Array.isArray(event.Records)) return { kind: 's3', changes: event.Records.map(s3Change) };
  const keys = Object.keys(event);
  if (keys.length === 1 && (event.rollback === true || typeof event.rollback === 'string'))
    return { kind: 'rollback', version: event.rollback === true ? undefined : event.rollback };
  if (keys.length === 1 && event.release === true) return { kind: 'release' };
  const manual = ['force', 'allowShrink'];
  if (
    keys.every((key) => manual.includes(key) && (event[key] === undefined || typeof event[key] === 'boolean'))
  )
    return { kind: 'manual', force: event.force === true, allowShrink: event.allowShrink === true };
  throw new Error(`The publisher cannot handle the event ${JSON.stringify(event).slice(0, 200)}`);
}

function s3Change(record: unknown): { event: string; bucket: string; key: string } {
  if (!isObject(record) || record.eventSource !== 'aws:s3' || !isObject(record.s3)) {
    throw new Error(`Expected an S3 event record, got ${JSON.stringify(record).slice(0, 200)}`);
  }
  const { bucket, object } = record.s3;
  if (!isObject(bucket) || !isObject(object) || typeof object.key !== 'string') {
    throw new Error(`The S3 event record names no object: ${JSON.stringify(record.s3).slice(0, 200)}`);
  }
  return { event: String(record.eventName), bucket: String(bucket.name), key: decodeS3Key(object.key) };
}

/** S3 event keys are URL-encoded with `+` for spaces. */
export function decodeS3Key(key: string): string {
  return decodeURIComponent(key.replace(/\+/g, ' '));
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
