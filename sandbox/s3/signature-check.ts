// The local S3 endpoint refuses what S3 refuses for private buckets: an
// unsigned request, a bad or expired SigV4 signature, and a body whose hash is
// not the `x-amz-content-sha256` it was signed with.
import { createHash } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { headerOf, type S3Request } from './request';
import { isSigned, verifySigV4 } from '../http/sigv4';

export interface Refusal {
  status: number;
  code: string;
  message: string;
}

/** Access key id → secret access key. */
export type SecretKeys = Record<string, string>;

export async function refuseUnsigned(
  parsed: S3Request,
  request: IncomingMessage,
  secrets: SecretKeys,
): Promise<Refusal | undefined> {
  const signed = {
    method: parsed.method,
    rawPath: parsed.rawPath,
    rawQuery: parsed.rawQuery,
    headers: request.headers,
  };
  if (!isSigned(signed)) return { status: 403, code: 'AccessDenied', message: 'Access Denied' };
  const verdict = await verifySigV4(signed, { secrets, service: 's3' });
  return verdict.ok ? undefined : verdict;
}

export function refuseContentMismatch(request: IncomingMessage, body: Buffer): Refusal | undefined {
  const declaredHash = headerOf(request, 'x-amz-content-sha256');
  const mismatch =
    declaredHash &&
    /^[0-9a-f]{64}$/.test(declaredHash) &&
    createHash('sha256').update(body).digest('hex') !== declaredHash;
  if (!mismatch) return undefined;
  return {
    status: 400,
    code: 'XAmzContentSHA256Mismatch',
    message: 'The provided x-amz-content-sha256 header does not match what was computed.',
  };
}
