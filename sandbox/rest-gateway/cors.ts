// CORS preflight as SAM deploys it: an OPTIONS method with a mock
// integration on every resource, answered by API Gateway without auth and
// without invoking a function. Other responses carry CORS headers only if
// the handler sets them, as with any Lambda proxy integration.
import type { CorsSpec } from '../template/model';
import type { HttpReply } from './response';

/** Template values are API Gateway mapping expressions: `'value'`. */
function unquote(value: string): string {
  const quoted = /^'(.*)'$/s.exec(value.trim());
  return quoted ? (quoted[1] as string) : value.trim();
}

export function preflightReply(cors: CorsSpec): HttpReply {
  const headers: Record<string, string> = {
    'Content-Type': 'application/json',
    'Access-Control-Allow-Origin': unquote(cors.allowOrigin),
    'Access-Control-Allow-Methods': unquote(cors.allowMethods),
    'Access-Control-Allow-Headers': unquote(cors.allowHeaders),
  };
  if (cors.maxAge !== undefined) headers['Access-Control-Max-Age'] = unquote(cors.maxAge);
  if (cors.allowCredentials) headers['Access-Control-Allow-Credentials'] = 'true';
  return { statusCode: 200, headers, body: Buffer.alloc(0) };
}
