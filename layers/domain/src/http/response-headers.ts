const EXPOSED_HEADERS = 'ETag, Location, X-Request-Id';

/**
 * Headers every API response carries, errors included. With a Lambda proxy
 * integration the gateway adds no CORS headers to the function's responses,
 * so the function must (the gateway only answers preflight requests).
 */
export function apiResponseHeaders(
  allowedOrigins: readonly string[],
  requestOrigin: string | null,
  requestId: string,
): Record<string, string> {
  const headers: Record<string, string> = {
    'X-Request-Id': requestId,
    'Access-Control-Expose-Headers': EXPOSED_HEADERS,
  };
  if (allowedOrigins.includes('*')) {
    headers['Access-Control-Allow-Origin'] = '*';
  } else if (allowedOrigins.length === 1 && allowedOrigins[0] !== undefined) {
    headers['Access-Control-Allow-Origin'] = allowedOrigins[0];
  } else {
    // Several origins: echo the caller's when allowed; the answer then depends on Origin.
    headers.Vary = 'Origin';
    if (requestOrigin !== null && allowedOrigins.includes(requestOrigin)) {
      headers['Access-Control-Allow-Origin'] = requestOrigin;
    }
  }
  return headers;
}
