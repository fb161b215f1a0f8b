// AWS Signature Version 4 as AWS checks it, for every local endpoint that
// checks signatures: presigned URLs (query string) and SDK calls
// (Authorization header). This module reads what the client signed with (the
// algorithm, the access key, the scope, the date, the expiry, the signed
// headers) and refuses what AWS refuses; the SDK's own signer then computes
// the signature of the same request, and the two are compared. The signed
// headers are taken as actually sent, so another Content-Type or
// Content-Length than a URL was signed for fails.
import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { Hash } from '@smithy/hash-node';
import { HttpRequest } from '@smithy/protocol-http';
import { SignatureV4 } from '@smithy/signature-v4';

export interface SigV4Request {
  method: string;
  /** The path exactly as sent (still percent-encoded). */
  rawPath: string;
  /** The query string exactly as sent, without `?`. */
  rawQuery: string;
  headers: IncomingHttpHeaders;
  /**
   * The body, for endpoints whose clients sign it without declaring its hash
   * (JSON and Query protocols); S3's clients declare it in `x-amz-content-sha256`.
   */
  body?: Uint8Array;
}

export type SigV4Verdict =
  { ok: true; accessKeyId: string } | { ok: false; status: number; code: string; message: string };

export interface SigV4Expectations {
  /** Access key id → secret access key. */
  secrets: Record<string, string>;
  /** The signing name of the endpoint, e.g. `s3`. */
  service: string;
  now?: number;
}

const ALGORITHM = 'AWS4-HMAC-SHA256';
const MAX_PRESIGNED_SECONDS = 7 * 24 * 60 * 60;
// AWS accepts a header-signed request up to 15 minutes away from its clock.
const MAX_CLOCK_SKEW_MS = 15 * 60 * 1000;
const PAYLOAD_HASH_HEADER = 'x-amz-content-sha256';
/** Query parameters the signer adds to a presigned URL itself. */
const PRESIGN_PARAMETERS = new Set([
  'X-Amz-Algorithm',
  'X-Amz-Credential',
  'X-Amz-Date',
  'X-Amz-Expires',
  'X-Amz-SignedHeaders',
  'X-Amz-Signature',
]);

interface Signed {
  accessKeyId: string;
  scope: { date: string; region: string; service: string; terminator: string };
  signedHeaders: string[];
  signature: string;
  amzDate: string;
  payloadHash: string;
  expiresSeconds?: number;
}

const refuse = (status: number, code: string, message: string): SigV4Verdict => ({
  ok: false,
  status,
  code,
  message,
});

/** Whether a request carries a SigV4 signature at all (anonymous requests are refused elsewhere). */
export function isSigned(request: SigV4Request): boolean {
  return request.headers.authorization !== undefined || isPresigned(request);
}

function isPresigned(request: SigV4Request): boolean {
  return /(^|&)X-Amz-Signature=/.test(request.rawQuery);
}

export async function verifySigV4(
  request: SigV4Request,
  expected: SigV4Expectations,
): Promise<SigV4Verdict> {
  let query: [string, string][];
  try {
    query = parseQuery(request.rawQuery);
  } catch {
    return refuse(400, 'InvalidArgument', 'The query string is not valid.');
  }
  const signed = isPresigned(request)
    ? fromQuery(query)
    : fromHeader(String(request.headers.authorization ?? ''), request);
  if ('ok' in signed) return signed;
  const secret = expected.secrets[signed.accessKeyId];
  if (secret === undefined) {
    return refuse(
      403,
      'InvalidAccessKeyId',
      'The AWS Access Key Id you provided does not exist in our records.',
    );
  }
  const refusal = refusalOf(signed, expected) ?? bodyRefusal(request, signed);
  if (refusal) return refusal;
  const signature = await signatureOf(request, query, signed, secret);
  // Compared as text: a signature with anything appended is another signature.
  const given = Buffer.from(signed.signature);
  const computed = Buffer.from(signature);
  if (given.length !== computed.length || !timingSafeEqual(given, computed)) {
    return refuse(
      403,
      'SignatureDoesNotMatch',
      'The request signature we calculated does not match the signature you provided.',
    );
  }
  return { ok: true, accessKeyId: signed.accessKeyId };
}

/** What AWS refuses before it computes any signature. */
function refusalOf(signed: Signed, expected: SigV4Expectations): SigV4Verdict | undefined {
  const { scope } = signed;
  if (
    scope.service !== expected.service ||
    scope.terminator !== 'aws4_request' ||
    !signed.amzDate.startsWith(scope.date)
  ) {
    return refuse(400, 'AuthorizationHeaderMalformed', 'The credential scope is not valid.');
  }
  const signedAt = parseAmzDate(signed.amzDate);
  if (Number.isNaN(signedAt)) return refuse(403, 'AccessDenied', 'X-Amz-Date is not valid.');
  const now = expected.now ?? Date.now();
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
  return undefined;
}

/** A body known to the endpoint must be the one whose hash was declared and signed. */
function bodyRefusal(request: SigV4Request, signed: Signed): SigV4Verdict | undefined {
  if (!request.body || !/^[0-9a-f]{64}$/.test(signed.payloadHash)) return undefined;
  if (createHash('sha256').update(request.body).digest('hex') === signed.payloadHash)
    return undefined;
  return refuse(
    400,
    'XAmzContentSHA256Mismatch',
    'The provided x-amz-content-sha256 header does not match what was computed.',
  );
}

/**
 * The signature the SDK's signer gives this request: its method, path and
 * query as sent, only the headers the client signed, and the payload hash the
 * client declared or the body's (S3's `UNSIGNED-PAYLOAD` when neither is known).
 */
async function signatureOf(
  request: SigV4Request,
  query: [string, string][],
  signed: Signed,
  secret: string,
): Promise<string> {
  const signer = new SignatureV4({
    service: signed.scope.service,
    region: signed.scope.region,
    credentials: { accessKeyId: signed.accessKeyId, secretAccessKey: secret },
    sha256: Hash.bind(null, 'sha256'),
    // S3 signs the path as sent; other services sign it encoded once more.
    uriEscapePath: signed.scope.service !== 's3',
  });
  const headers: Record<string, string> = { [PAYLOAD_HASH_HEADER]: signed.payloadHash };
  for (const name of signed.signedHeaders) {
    const value = headerValue(request.headers, name);
    if (value !== undefined) headers[name] = value;
  }
  const signableHeaders = new Set(signed.signedHeaders);
  const unsignableHeaders = new Set(
    signableHeaders.has(PAYLOAD_HASH_HEADER) ? [] : [PAYLOAD_HASH_HEADER],
  );
  const signingDate = new Date(parseAmzDate(signed.amzDate));
  const toSign = new HttpRequest({
    method: request.method,
    hostname: headers.host ?? '',
    path: request.rawPath,
    query: queryObject(query, signed.expiresSeconds === undefined),
    headers,
  });
  if (signed.expiresSeconds === undefined) {
    const { headers: signedRequest } = await signer.sign(toSign, {
      signingDate,
      signableHeaders,
      unsignableHeaders,
    });
    return /Signature=([0-9a-f]+)$/.exec(signedRequest.authorization ?? '')?.[1] ?? '';
  }
  const presigned = await signer.presign(toSign, {
    signingDate,
    expiresIn: signed.expiresSeconds,
    signableHeaders,
    unsignableHeaders,
    unhoistableHeaders: new Set(Object.keys(headers)),
  });
  return String(presigned.query?.['X-Amz-Signature'] ?? '');
}

/** The query as the signer takes it: decoded, repeated keys as lists, without what it adds. */
function queryObject(
  pairs: [string, string][],
  headerSigned: boolean,
): Record<string, string | string[]> {
  const query: Record<string, string | string[]> = {};
  for (const [key, value] of pairs) {
    if (!headerSigned && PRESIGN_PARAMETERS.has(key)) continue;
    const existing = query[key];
    if (existing === undefined) query[key] = value;
    else query[key] = [...(Array.isArray(existing) ? existing : [existing]), value];
  }
  return query;
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

function headerValue(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name];
  if (value === undefined) return undefined;
  return Array.isArray(value) ? value.join(',') : value;
}

/** `20250301T101500Z` → epoch ms, or NaN. */
function parseAmzDate(value: string): number {
  const match = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(value);
  if (!match) return Number.NaN;
  const [, y, mo, d, h, mi, s] = match.map(Number) as number[];
  return Date.UTC(y as number, (mo as number) - 1, d, h, mi, s);
}

function scopeOf(credential: string): Pick<Signed, 'accessKeyId' | 'scope'> {
  const [accessKeyId = '', date = '', region = '', service = '', terminator = ''] =
    credential.split('/');
  return { accessKeyId, scope: { date, region, service, terminator } };
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
    ...scopeOf(get('X-Amz-Credential') ?? ''),
    signedHeaders: (get('X-Amz-SignedHeaders') ?? '').split(';'),
    signature: get('X-Amz-Signature') ?? '',
    amzDate: get('X-Amz-Date') ?? '',
    payloadHash: get('X-Amz-Content-Sha256') ?? 'UNSIGNED-PAYLOAD',
    expiresSeconds: expires,
  };
}

function fromHeader(authorization: string, request: SigV4Request): Signed | SigV4Verdict {
  const { headers, body } = request;
  const match =
    /^AWS4-HMAC-SHA256 Credential=([^,\s]+),\s*SignedHeaders=([^,\s]+),\s*Signature=([0-9a-f]+)$/.exec(
      authorization.trim(),
    );
  if (!match) return refuse(400, 'InvalidRequest', 'Unsupported Authorization header.');
  return {
    ...scopeOf(match[1] ?? ''),
    signedHeaders: (match[2] ?? '').split(';'),
    signature: match[3] ?? '',
    amzDate: headerValue(headers, 'x-amz-date') ?? '',
    payloadHash:
      headerValue(headers, PAYLOAD_HASH_HEADER) ??
      (body ? createHash('sha256').update(body).digest('hex') : 'UNSIGNED-PAYLOAD'),
  };
}
