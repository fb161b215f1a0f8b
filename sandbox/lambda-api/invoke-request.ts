// An Invoke API request read as Lambda reads it: the function from the path
// (name, partial or full ARN), the invocation type from its header, and the
// event from the body, within the payload limit of that invocation type.
import type { IncomingMessage } from 'node:http';
import { readBody } from '../http/read-body';
import type { InvokeApiError } from './error-response';
import { functionNameOf } from './function-name';
import { unqualifiedArnOf, type LambdaAccount, type LambdaInvokeTarget } from './invoke-target';

export interface InvokeRequest {
  name: string;
  target: LambdaInvokeTarget;
  /** RequestResponse, Event or DryRun; anything else is invoked synchronously. */
  invocationType: string;
  event: unknown;
}

const invokePath = /^\/2015-03-31\/functions\/([^/]+)\/invocations$/;
const maxSyncPayloadBytes = 6 * 1024 * 1024;
const maxAsyncPayloadBytes = 1024 * 1024;

export async function parseInvokeRequest(
  request: IncomingMessage,
  functions: Readonly<Record<string, LambdaInvokeTarget>>,
  account: LambdaAccount,
): Promise<{ request: InvokeRequest } | { error: InvokeApiError }> {
  const found = targetOf(request, functions, account);
  if ('error' in found) return found;
  const invocationType = String(request.headers['x-amz-invocation-type'] ?? 'RequestResponse');
  const event = await eventOf(request, invocationType);
  if ('error' in event) return event;
  return { request: { ...found, invocationType, event: event.event } };
}

function targetOf(
  request: IncomingMessage,
  functions: Readonly<Record<string, LambdaInvokeTarget>>,
  account: LambdaAccount,
): { name: string; target: LambdaInvokeTarget } | { error: InvokeApiError } {
  const { pathname } = new URL(request.url ?? '/', 'http://localhost');
  const match = invokePath.exec(pathname);
  if (!match || request.method !== 'POST') {
    const message = `Unknown operation ${request.method} ${pathname}`;
    return { error: { status: 404, errorType: 'UnknownOperationException', message } };
  }
  const name = functionNameOf(decodeURIComponent(match[1] ?? ''));
  const target = functions[name];
  if (!target) {
    const message = `Function not found: ${unqualifiedArnOf(account, name)}`;
    return { error: { status: 404, errorType: 'ResourceNotFoundException', message } };
  }
  return { name, target };
}

/** The body as JSON; an empty body is the empty event `{}`. */
async function eventOf(
  request: IncomingMessage,
  invocationType: string,
): Promise<{ event: unknown } | { error: InvokeApiError }> {
  const limit = invocationType === 'Event' ? maxAsyncPayloadBytes : maxSyncPayloadBytes;
  const body = await readBody(request, limit);
  if (!body) {
    const message = `Request must be smaller than ${limit} bytes for the InvokeFunction operation`;
    return { error: { status: 413, errorType: 'RequestTooLargeException', message } };
  }
  try {
    return { event: body.length === 0 ? {} : (JSON.parse(body.toString('utf8')) as unknown) };
  } catch {
    const message = 'Could not parse request body into json';
    return { error: { status: 400, errorType: 'InvalidRequestContentException', message } };
  }
}
