// AWS Signature Version 4 as S3 checks it, for presigned URLs (query string)
// and SDK calls (Authorization header): the algorithm, a known access key,
// the expiry, and the signature over the method, path, query, the signed
// headers as actually sent (so another Content-Type or Content-Length than
// the URL was signed for fails) and the payload hash.
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';

export interface SigV4Request {
  method: string;
  /** The path exactly as sent (still percent-encoded): S3 signs it as is. */
  rawPath: string;
  /** The query string exactly as sent, without `?`. */
  rawQuery: string;
  headers: IncomingHttpHeaders;
}

export type SigV4Verdict =
  { ok: true; accessKeyId: string } | { ok: false; status: number; code: string; message: string };

const ALGORITHM = 'AWS4-HMAC-SHA256';
const MAX_PRESIGNED_SECONDS = 7 * 24 * 60 * 60;
// S3 accepts a header-signed request up to 15 minutes away from its clock.
const MAX_CLOCK_SKEW_MS = 15 * 60 * 1000;

/** RFC 3986 encoding, as SigV4 canonicalizes query keys and values. */
export function uriEncode(value: string): string {
  return encodeURIComponent(value).replace(
    /[!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

function parseQuery(rawQuery: string): [string, string][] {
  if (rawQuery === '') return [];
  return rawQuery.split('&').map((pair) => {
    const at = pair.indexOf('=');
    const key = at === -1 ? pair : pair.slice(0, at);
    const value = at === -1 ? '' : pair.slice(at + 1);
    return [decodeURIComponent(key), decodeURIComponent(value)];
  });
}

function canonicalQuery(pairs: [string, string][]): string {
  return pairs
    .map(([key, value]) => [uriEncode(key), uriEncode(value)] as const)
    .sort(([a, av], [b, bv]) => (a < b ? -1 : a > b ? 1 : av < bv ? -1 : av > bv ? 1 : 0))
    .map(([key, value]) => `${key}=${value}`)
    .join('&');
}

function headerValue(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name];
  if (value === undefined) return undefined;
  return (Array.isArray(value) ? value.join(',') : value).trim().replace(/\s+/g, ' ');
}

const hmac = (key: Buffer | string, data: string): Buffer =>
  createHmac('sha256', key).update(data, 'utf8').digest();
const sha256Hex = (data: string): string => createHash('sha256').update(data, 'utf8').digest('hex');

function signingKey(secret: string, date: string, region: string, service: string): Buffer {
  return hmac(hmac(hmac(hmac(`AWS4${secret}`, date), region), service), 'aws4_request');
}

/** `20250301T101500Z` → epoch ms, or NaN. */
function parseAmzDate(value: string): number {
  const match = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(value);
  if (!match) return Number.NaN;
  const [, y, mo, d, h, mi, s] = match.map(Number) as number[];
  return Date.UTC(y as number, (mo as number) - 1, d, h, mi, s);
}

const refuse = (status: number, code: string, message: string): SigV4Verdict => ({
  ok: false,
  status,
  code,
  message,
});

interface Signed {
  credential: string;
  signedHeaders: string[];
  signature: string;
  amzDate: string;
  payloadHash: string;
  /** Query pairs that are part of the canonical request. */
  queryPairs: [string, string][];
  expiresSeconds?: number;
}

function fromQuery(pairs: [string, string][]): Signed | SigV4Verdict {
  const get = (name: string) => pairs.find(([key]) => key === name)?.[1];
  if (get('X-Amz-Algorithm') !== ALGORITHM) {
    return refuse(
      400,
      'AuthorizationQueryParametersError',
      `X-Amz-Algorithm must be ${ALGORITHM}.`,
    );
  }
  const expires = Number(get('X-Amz-Expires'));
  if (!Number.isInteger(expires) || expires < 1 || expires > MAX_PRESIGNED_SECONDS) {
    return refuse(
      400,
      'AuthorizationQueryParametersError',
      'X-Amz-Expires must be between 1 and 604800 seconds.',
    );
  }
  return {
    credential: get('X-Amz-Credential') ?? '',
    signedHeaders: (get('X-Amz-SignedHeaders') ?? '').split(';'),
    signature: get('X-Amz-Signature') ?? '',
    amzDate: get('X-Amz-Date') ?? '',
    payloadHash: get('X-Amz-Content-Sha256') ?? 'UNSIGNED-PAYLOAD',
    queryPairs: pairs.filter(([key]) => key !== 'X-Amz-Signature'),
    expiresSeconds: expires,
  };
}

function fromHeader(authorization: string, request: SigV4Request): Signed | SigV4Verdict {
  const match =
    /^AWS4-HMAC-SHA256 Credential=([^,\s]+),\s*SignedHeaders=([^,\s]+),\s*Signature=([0-9a-f]+)$/.exec(
      authorization.trim(),
    );
  if (!match) return refuse(400, 'InvalidRequest', 'Unsupported Authorization header.');
  return {
    credential: match[1] ?? '',
    signedHeaders: (match[2] ?? '').split(';'),
    signature: match[3] ?? '',
    amzDate: headerValue(request.headers, 'x-amz-date') ?? '',
    payloadHash: headerValue(request.headers, 'x-amz-content-sha256') ?? 'UNSIGNED-PAYLOAD',
    queryPairs: parseQuery(request.rawQuery),
  };
}

/** Whether a request carries a SigV4 signature at all (anonymous requests are refused elsewhere). */
export function isSigned(request: SigV4Request): boolean {
  return (
    request.headers.authorization !== undefined || /(^|&)X-Amz-Signature=/.test(request.rawQuery)
  );
}

export function verifySigV4(
  request: SigV4Request,
  secrets: Record<string, string>,
  now: number = Date.now(),
): SigV4Verdict {
  const presigned = /(^|&)X-Amz-Signature=/.test(request.rawQuery);
  let pairs: [string, string][];
  try {
    pairs = parseQuery(request.rawQuery);
  } catch {
    return refuse(400, 'InvalidArgument', 'The query string is not valid.');
  }
  const signed = presigned
    ? fromQuery(pairs)
    : fromHeader(String(request.headers.authorization ?? ''), request);
  if ('ok' in signed) return signed;

  const [accessKeyId = '', date = '', region = '', service = '', terminator = ''] =
    signed.credential.split('/');
  const secret = secrets[accessKeyId];
  if (secret === undefined) {
    return refuse(
      403,
      'InvalidAccessKeyId',
      'The AWS Access Key Id you provided does not exist in our records.',
    );
  }
  if (service !== 's3' || terminator !== 'aws4_request' || !signed.amzDate.startsWith(date)) {
    return refuse(400, 'AuthorizationHeaderMalformed', 'The credential scope is not valid.');
  }
  const signedAt = parseAmzDate(signed.amzDate);
  if (Number.isNaN(signedAt)) return refuse(403, 'AccessDenied', 'X-Amz-Date is not valid.');
  if (signed.expiresSeconds !== undefined) {
    if (now > signedAt + signed.expiresSeconds * 1000) {
      return refuse(403, 'AccessDenied', 'Request has expired');
    }
  } else if (Math.abs(now - signedAt) > MAX_CLOCK_SKEW_MS) {
    return refuse(
      403,
      'RequestTimeTooSkewed',
      'The difference between the request time and the current time is too large.',
    );
  }
  if (!signed.signedHeaders.includes('host')) {
    return refuse(400, 'AuthorizationQueryParametersError', 'The host header must be signed.');
  }

  const canonicalHeaders = signed.signedHeaders
    .map((name) => `${name}:${headerValue(request.headers, name) ?? ''}\n`)
    .join('');
  const canonicalRequest = [
    request.method,
    request.rawPath,
    canonicalQuery(signed.queryPairs),
    canonicalHeaders,
    signed.signedHeaders.join(';'),
    signed.payloadHash,
  ].join('\n');
  const stringToSign = [
    ALGORITHM,
    signed.amzDate,
    `${date}/${region}/${service}/aws4_request`,
    sha256Hex(canonicalRequest),
  ].join('\n');
  // Compared as text: hex decoding stops at the first non-hex character, so
  // comparing bytes would accept a signature with anything appended.
  const expected = Buffer.from(
    hmac(signingKey(secret, date, region, service), stringToSign).toString('hex'),
  );
  const given = Buffer.from(signed.signature);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    return refuse(
      403,
      'SignatureDoesNotMatch',
      'The request signature we calculated does not match the signature you provided.',
    );
  }
  return { ok: true, accessKeyId };
}
