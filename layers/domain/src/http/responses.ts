import { etagOf } from './etag';

function jsonHeaders(headers: Record<string, string>): Record<string, string> {
  return { 'Content-Type': 'application/json', ...headers };
}

export function jsonResponse(
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): Response {
  return new Response(JSON.stringify(body), { status, headers: jsonHeaders(headers) });
}

/** A versioned resource, served with its ETag. */
export function versionedResponse(
  status: number,
  resource: { version: number },
  headers: Record<string, string> = {},
): Response {
  return jsonResponse(status, resource, { ETag: etagOf(resource.version), ...headers });
}

export function noContentResponse(): Response {
  return new Response(null, { status: 204 });
}
