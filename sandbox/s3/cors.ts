// CORS as S3 answers it from the bucket's CorsConfiguration: preflight
// requests, and the headers of a cross-origin response.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { CorsRule } from './buckets';
import { sendS3Error } from './error-response';
import { headerOf } from './request';

function matchingCorsRule(
  rules: CorsRule[],
  origin: string,
  method: string,
  headers: string[],
): CorsRule | undefined {
  return rules.find(
    (rule) =>
      (rule.allowedOrigins.includes('*') || rule.allowedOrigins.includes(origin)) &&
      rule.allowedMethods.includes(method) &&
      headers.every(
        (name) => rule.allowedHeaders.includes('*') || rule.allowedHeaders.includes(name),
      ),
  );
}

export function answerPreflight(
  request: IncomingMessage,
  response: ServerResponse,
  rules: CorsRule[],
): void {
  const origin = headerOf(request, 'origin') ?? '';
  const method = headerOf(request, 'access-control-request-method') ?? '';
  const headers = (headerOf(request, 'access-control-request-headers') ?? '')
    .split(',')
    .map((name) => name.trim().toLowerCase())
    .filter((name) => name !== '');
  const rule = matchingCorsRule(rules, origin, method, headers);
  if (!rule) {
    sendS3Error(
      response,
      403,
      'AccessForbidden',
      'CORSResponse: This CORS request is not allowed.',
    );
    return;
  }
  response.writeHead(200, {
    'Access-Control-Allow-Origin': rule.allowedOrigins.includes('*') ? '*' : origin,
    'Access-Control-Allow-Methods': rule.allowedMethods.join(', '),
    ...(headers.length > 0 && { 'Access-Control-Allow-Headers': headers.join(', ') }),
    ...(rule.exposedHeaders.length > 0 && {
      'Access-Control-Expose-Headers': rule.exposedHeaders.join(', '),
    }),
    ...(rule.maxAge !== undefined && { 'Access-Control-Max-Age': String(rule.maxAge) }),
    Vary: 'Origin, Access-Control-Request-Headers, Access-Control-Request-Method',
  });
  response.end();
}

export function corsResponseHeaders(
  request: IncomingMessage,
  rules: CorsRule[],
): Record<string, string> {
  const origin = headerOf(request, 'origin');
  if (!origin) return {};
  const rule = matchingCorsRule(rules, origin, request.method ?? 'GET', []);
  if (!rule) return {};
  return {
    'Access-Control-Allow-Origin': rule.allowedOrigins.includes('*') ? '*' : origin,
    ...(rule.exposedHeaders.length > 0 && {
      'Access-Control-Expose-Headers': rule.exposedHeaders.join(', '),
    }),
  };
}
