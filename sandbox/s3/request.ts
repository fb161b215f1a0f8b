// A request to the local S3 endpoint, path-style: bucket, key and query as S3
// reads them, with the raw path and query kept for the signature check.
import type { IncomingMessage } from 'node:http';

export interface S3Request {
  method: string;
  rawPath: string;
  rawQuery: string;
  query: URLSearchParams;
  bucket: string;
  key: string;
}

export function parseS3Request(request: IncomingMessage): S3Request {
  const raw = request.url ?? '/';
  const at = raw.indexOf('?');
  const rawPath = at === -1 ? raw : raw.slice(0, at);
  const rawQuery = at === -1 ? '' : raw.slice(at + 1);
  const [, bucket = '', ...key] = rawPath.split('/');
  return {
    method: request.method ?? 'GET',
    rawPath,
    rawQuery,
    query: new URLSearchParams(rawQuery),
    bucket: decodeURIComponent(bucket),
    key: key.map(decodeURIComponent).join('/'),
  };
}

/** One header's value, repeated headers joined as Node joins them. */
export function headerOf(request: IncomingMessage, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value.join(',') : value;
}

/** The object's user metadata, from its `x-amz-meta-*` headers. */
export function metadataOf(request: IncomingMessage): Record<string, string> {
  const metadata: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.headers)) {
    if (name.startsWith('x-amz-meta-') && value !== undefined) {
      metadata[name.slice('x-amz-meta-'.length)] = String(value);
    }
  }
  return metadata;
}

/** A PUT that stores one object's body (not a part, not a copy). */
export function isObjectPut(parsed: S3Request, request: IncomingMessage): boolean {
  return (
    parsed.method === 'PUT' &&
    parsed.key !== '' &&
    !parsed.query.has('uploadId') &&
    !headerOf(request, 'x-amz-copy-source')
  );
}
