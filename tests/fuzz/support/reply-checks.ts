import type { RawReply, RawRequest } from './raw-http';

// What no reply may reveal: stack frames, source paths, SDK and AWS names.
const INTERNALS =
  /\bat [\w.<>]+ \(|\bnode_modules\b|\.(?:ts|mjs|js):\d+|\b(?:TypeError|RangeError|SyntaxError|ReferenceError)\b|arn:aws|\bAppTable\b|\bIdempotencyTable\b|ValidationException|ResourceNotFoundException|InternalError/;

/**
 * Why a reply breaks the contract, or undefined when it keeps it: never a 5xx;
 * an error is an RFC 9457 problem document with the request id, and says
 * nothing about the inside.
 */
export function contractBreach(request: RawRequest, reply: RawReply): string | undefined {
  if (reply.status >= 500 || reply.status < 100) return `status ${reply.status}`;
  if (reply.status < 400) return undefined;
  if (!reply.headers['x-request-id']) return `${reply.status} without X-Request-Id`;
  if (request.method === 'HEAD') return undefined;
  const contentType = String(reply.headers['content-type'] ?? '');
  if (!contentType.startsWith('application/problem+json')) {
    return `${reply.status} as ${contentType || 'no content type'}: ${reply.body.slice(0, 200)}`;
  }
  let problem: { type?: unknown; title?: unknown; requestId?: unknown; status?: unknown };
  try {
    problem = JSON.parse(reply.body) as typeof problem;
  } catch {
    return `${reply.status} problem that is not JSON: ${reply.body.slice(0, 200)}`;
  }
  if (typeof problem.type !== 'string' || typeof problem.title !== 'string') {
    return `${reply.status} problem without type or title: ${reply.body.slice(0, 200)}`;
  }
  if (problem.status !== undefined && problem.status !== reply.status) {
    return `problem status ${String(problem.status)} on a ${reply.status}`;
  }
  if (INTERNALS.test(reply.body))
    return `${reply.status} reveals internals: ${reply.body.slice(0, 300)}`;
  return undefined;
}

/** The request as a line a developer can replay with curl. */
export function describeRequest(request: RawRequest): string {
  const body = request.body?.toString('utf8') ?? '';
  const headers = Object.fromEntries(
    Object.entries(request.headers).map(([name, value]) => [name, String(value).slice(0, 60)]),
  );
  return `${request.method} ${request.path.slice(0, 200)} headers=${JSON.stringify(headers)} body=${JSON.stringify(body.slice(0, 600))}`;
}
