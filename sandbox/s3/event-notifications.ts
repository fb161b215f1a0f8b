// S3 event notifications to Lambda, as S3 sends them: one record per event,
// shaped like a real `S3Event` (keys URL-encoded as S3 encodes them), for
// each function whose template `Events` has an S3 source on the bucket whose
// event types and key filter match. Delivered through the local Lambda Invoke
// API as asynchronous (`Event`) invocations, as S3 invokes Lambda, so
// Lambda's retries apply.
import { randomBytes } from 'node:crypto';
import type { S3EventRecord } from 'aws-lambda';
import type { SandboxModel } from '../template/model';
import { listOrEmpty, recordOrEmpty, refTarget } from '../template/template-document';

export interface S3NotificationTarget {
  /** Function logical id (its local name). */
  functionName: string;
  /** The event source's name in the template, S3's `configurationId`. */
  configurationId: string;
  bucketLogicalId: string;
  /** `s3:ObjectCreated:*`, `s3:ObjectRemoved:Delete`, ... */
  events: string[];
  prefix: string;
  suffix: string;
}

export interface ObjectEvent {
  /** Without the `s3:` prefix, e.g. `ObjectCreated:Put`. */
  eventName: string;
  bucket: string;
  key: string;
  size?: number;
  eTag?: string;
  sourceIp?: string;
}

/** Every function event source of `Type: S3` in the template. */
export function readS3NotificationTargets(model: SandboxModel): S3NotificationTarget[] {
  return model.functions.flatMap((fn) =>
    Object.entries(recordOrEmpty(fn.properties.Events)).flatMap(([name, source]) => {
      const event = recordOrEmpty(source);
      if (event.Type !== 'S3') return [];
      const properties = recordOrEmpty(event.Properties);
      const bucketLogicalId = refTarget(properties.Bucket);
      if (!bucketLogicalId) {
        throw new Error(
          `${fn.logicalId}.Events.${name}: Bucket must be !Ref of a bucket in the template`,
        );
      }
      const rules = listOrEmpty(recordOrEmpty(recordOrEmpty(properties.Filter).S3Key).Rules).map(
        recordOrEmpty,
      );
      const rule = (kind: string) =>
        String(rules.find((r) => String(r.Name).toLowerCase() === kind)?.Value ?? '');
      const events = Array.isArray(properties.Events) ? properties.Events : [properties.Events];
      return [
        {
          functionName: fn.logicalId,
          configurationId: name,
          bucketLogicalId,
          events: events.map(String),
          prefix: rule('prefix'),
          suffix: rule('suffix'),
        },
      ];
    }),
  );
}

/** `s3:ObjectCreated:*` matches `ObjectCreated:Put`; otherwise the names must be equal. */
export function eventTypeMatches(pattern: string, eventName: string): boolean {
  const name = `s3:${eventName}`;
  return pattern.endsWith(':*') ? name.startsWith(pattern.slice(0, -1)) : pattern === name;
}

export function targetMatches(target: S3NotificationTarget, event: ObjectEvent): boolean {
  return (
    target.events.some((pattern) => eventTypeMatches(pattern, event.eventName)) &&
    event.key.startsWith(target.prefix) &&
    event.key.endsWith(target.suffix)
  );
}

/**
 * How S3 writes keys into notifications: form URL encoding (a space is `+`),
 * leaving letters, digits, `/` and `-_.*` as they are.
 */
export function encodeEventKey(key: string): string {
  return [...Buffer.from(key, 'utf8')]
    .map((byte) => {
      const c = String.fromCharCode(byte);
      if (/[A-Za-z0-9\-_.*/]/.test(c)) return c;
      if (c === ' ') return '+';
      return `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
    })
    .join('');
}

let lastSequence = 0n;
/** Increasing per bucket event, as S3's sequencer is for one key. */
function nextSequencer(): string {
  const now = BigInt(Date.now()) * 1000n;
  lastSequence = now > lastSequence ? now : lastSequence + 1n;
  return lastSequence.toString(16).toUpperCase().padStart(18, '0');
}

export function s3EventRecord(
  event: ObjectEvent,
  context: { region: string; accountId: string; configurationId: string; now?: Date },
): S3EventRecord {
  const principalId = `AWS:${context.accountId}`;
  return {
    eventVersion: '2.1',
    eventSource: 'aws:s3',
    awsRegion: context.region,
    eventTime: (context.now ?? new Date()).toISOString(),
    eventName: event.eventName,
    userIdentity: { principalId },
    requestParameters: { sourceIPAddress: event.sourceIp ?? '127.0.0.1' },
    responseElements: {
      'x-amz-request-id': randomBytes(8).toString('hex').toUpperCase(),
      'x-amz-id-2': randomBytes(48).toString('base64'),
    },
    s3: {
      s3SchemaVersion: '1.0',
      configurationId: context.configurationId,
      bucket: {
        name: event.bucket,
        ownerIdentity: { principalId: context.accountId },
        arn: `arn:aws:s3:::${event.bucket}`,
      },
      object: {
        key: encodeEventKey(event.key),
        ...(event.size !== undefined && { size: event.size }),
        ...(event.eTag !== undefined && { eTag: event.eTag.replaceAll('"', '') }),
        sequencer: nextSequencer(),
      },
    },
  } as S3EventRecord;
}

export interface S3Notifier {
  notify(event: ObjectEvent): void;
}

/** Sends each matching event to its functions through the Lambda Invoke API (`Event` invocations). */
export function createS3Notifier(options: {
  targets: S3NotificationTarget[];
  /** Bucket logical id → local bucket name. */
  bucketNames: Record<string, string>;
  lambdaEndpoint: string;
  region: string;
  accountId: string;
  log: (line: string) => void;
}): S3Notifier {
  return {
    notify(event) {
      for (const target of options.targets) {
        if (options.bucketNames[target.bucketLogicalId] !== event.bucket) continue;
        if (!targetMatches(target, event)) continue;
        const record = s3EventRecord(event, {
          ...options,
          configurationId: target.configurationId,
        });
        const url = `${options.lambdaEndpoint}/2015-03-31/functions/${encodeURIComponent(target.functionName)}/invocations`;
        fetch(url, {
          method: 'POST',
          headers: { 'X-Amz-Invocation-Type': 'Event', 'Content-Type': 'application/json' },
          body: JSON.stringify({ Records: [record] }),
        })
          .then(async (response) => {
            if (response.status !== 202) {
              options.log(
                `[s3] ${event.eventName} ${event.bucket}/${event.key} → ${target.functionName}: ${response.status} ${await response.text()}`,
              );
            }
          })
          .catch((error: unknown) =>
            options.log(
              `[s3] ${event.eventName} ${event.bucket}/${event.key} → ${target.functionName} not delivered: ${String(error)}`,
            ),
          );
      }
    },
  };
}
