// S3's error document, with a request id as S3 gives one.
import { randomBytes } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import { s3ErrorXml } from './xml';

const sentErrors = new WeakMap<ServerResponse, { code: string; message: string }>();

/** The S3 error this response carried, for the request's console line. */
export function s3ErrorSent(
  response: ServerResponse,
): { code: string; message: string } | undefined {
  return sentErrors.get(response);
}

export function sendS3Error(
  response: ServerResponse,
  status: number,
  code: string,
  message: string,
  extra: Record<string, string> = {},
): void {
  sentErrors.set(response, { code, message });
  const requestId = randomBytes(8).toString('hex').toUpperCase();
  response.writeHead(status, {
    'Content-Type': 'application/xml',
    'x-amz-request-id': requestId,
    ...extra,
  });
  response.end(s3ErrorXml(code, message, requestId));
}
