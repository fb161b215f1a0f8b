// A Lambda proxy integration's result as the HTTP reply API Gateway sends.
// Whatever is not a valid proxy result becomes API Gateway's 502.
import type { InvokeResult } from '../runtime/function-host';

export interface HttpReply {
  statusCode: number;
  /** Header name (as the handler spelled it) → one value or several. */
  headers: Record<string, string | string[]>;
  body: Buffer;
}

export const internalServerError: HttpReply = {
  statusCode: 502,
  headers: {
    'Content-Type': 'application/json',
    'x-amzn-ErrorType': 'InternalServerErrorException',
  },
  body: Buffer.from('{"message": "Internal server error"}'),
};

type Scalar = string | number | boolean;

function isScalar(value: unknown): value is Scalar {
  return ['string', 'number', 'boolean'].includes(typeof value);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function statusCodeOf(value: unknown): number | undefined {
  const code = typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value;
  return typeof code === 'number' && Number.isInteger(code) && code >= 100 && code <= 599
    ? code
    : undefined;
}

/** Both maps merged; for a name in both, only multiValueHeaders counts (as on API Gateway). */
function mergeHeaders(
  single: unknown,
  multi: unknown,
): Record<string, string | string[]> | undefined {
  if (
    (single !== undefined && single !== null && !isRecord(single)) ||
    (multi !== undefined && multi !== null && !isRecord(multi))
  ) {
    return undefined;
  }
  const merged = new Map<string, { name: string; values: string[] }>();
  for (const [name, values] of Object.entries(multi ?? {})) {
    if (!Array.isArray(values) || !values.every(isScalar)) return undefined;
    merged.set(name.toLowerCase(), { name, values: values.map(String) });
  }
  for (const [name, value] of Object.entries(single ?? {})) {
    if (!isScalar(value)) return undefined;
    if (!merged.has(name.toLowerCase()))
      merged.set(name.toLowerCase(), { name, values: [String(value)] });
  }
  const headers: Record<string, string | string[]> = {};
  for (const { name, values } of merged.values())
    headers[name] = values.length === 1 ? (values[0] as string) : values;
  if (!merged.has('content-type')) headers['Content-Type'] = 'application/json';
  return headers;
}

export function replyFromProxyResult(result: unknown): HttpReply | undefined {
  if (!isRecord(result)) return undefined;
  const statusCode = statusCodeOf(result.statusCode);
  if (statusCode === undefined) return undefined;
  const body = result.body ?? '';
  if (typeof body !== 'string') return undefined;
  const headers = mergeHeaders(result.headers, result.multiValueHeaders);
  if (!headers) return undefined;
  const encoding = result.isBase64Encoded === true ? 'base64' : 'utf8';
  return { statusCode, headers, body: Buffer.from(body, encoding) };
}

/** The reply for an invocation: the handler's response, or 502 when it failed or is malformed. */
export function replyFromInvocation(invocation: InvokeResult): {
  reply: HttpReply;
  problem?: string;
} {
  if (invocation.status === 'failed') {
    return {
      reply: internalServerError,
      problem: `${invocation.error.errorType}: ${invocation.error.errorMessage}`,
    };
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(invocation.payload);
  } catch {
    parsed = undefined;
  }
  const reply = replyFromProxyResult(parsed);
  return reply
    ? { reply }
    : { reply: internalServerError, problem: 'Malformed Lambda proxy response' };
}
