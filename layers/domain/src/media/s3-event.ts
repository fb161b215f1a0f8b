import type { S3Event } from 'aws-lambda';

/** One object creation, as the processor needs it. */
export interface ObjectCreation {
  bucket: string;
  /** Decoded: the key as stored. */
  key: string;
  eventName: string;
}

/**
 * S3 event notifications carry keys URL-encoded the way HTML forms are:
 * a space arrives as `+`, other special characters percent-encoded.
 */
export function decodeEventKey(encoded: string): string {
  return decodeURIComponent(encoded.replace(/\+/g, ' '));
}

/** The ObjectCreated records of an S3 event; other kinds of record are left out. */
export function objectCreationsOf(event: S3Event): ObjectCreation[] {
  return (event.Records ?? [])
    .filter(
      (record) => record.eventSource === 'aws:s3' && record.eventName.startsWith('ObjectCreated:'),
    )
    .map((record) => ({
      bucket: record.s3.bucket.name,
      key: decodeEventKey(record.s3.object.key),
      eventName: record.eventName,
    }));
}
