// The client-facing Cognito endpoint, in front of cognito-local on loopback:
// the requests that set a password or create a user are checked against the
// template's pool first (sign-up-rules.ts) and refused as Cognito refuses
// them; everything else, the JWKS and the health check included, goes
// through untouched.
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { readBody } from '../http/read-body';
import { cognitoRefusalLine } from '../runtime/access-lines';
import { closeServer, listen } from '../runtime/listen';
import type { PoolDirectory } from './pool-directory';
import { isCheckedOperation, refusalOf, type CognitoRefusal } from './sign-up-rules';

export interface CognitoFrontOptions {
  port: number;
  host: string;
  /** cognito-local's own endpoint, on loopback. */
  backend: string;
  pools: PoolDirectory;
  log: (line: string) => void;
}

export interface CognitoFront {
  /** Where it listens, e.g. http://0.0.0.0:9229. */
  url: string;
  close(): Promise<void>;
}

/** Far above any Cognito request. */
const MAX_BODY_BYTES = 1024 * 1024;
const TARGET_PREFIX = 'AWSCognitoIdentityProviderService.';
const NOT_FORWARDED = new Set([
  'connection',
  'keep-alive',
  'transfer-encoding',
  'content-encoding',
  'content-length',
  'host',
  'expect',
]);

export async function startCognitoFront(options: CognitoFrontOptions): Promise<CognitoFront> {
  const server = createServer((request, response) => {
    handle(options, request, response).catch((error: unknown) => {
      options.log(`[cognito] ${error instanceof Error ? error.message : String(error)}`);
      if (!response.headersSent) sendCognitoError(response, 500, internalError);
      else response.destroy();
    });
  });
  const url = await listen(server, options.port, options.host, 'Cognito');
  return { url, close: () => closeServer(server) };
}

const internalError = { type: 'InternalErrorException', message: 'The local Cognito failed' };
const tooLarge = { type: 'InvalidParameterException', message: 'The request body is too large' };

async function handle(
  options: CognitoFrontOptions,
  request: IncomingMessage,
  response: ServerResponse,
): Promise<void> {
  const started = performance.now();
  const body = await readBody(request, MAX_BODY_BYTES);
  if (!body) {
    sendCognitoError(response, 400, tooLarge);
    return;
  }
  const operation = operationOf(request);
  const refusal = operation && isCheckedOperation(operation) && refusalIn(options, operation, body);
  if (refusal) {
    options.log(
      cognitoRefusalLine(
        { operation, status: 400, ...refusal },
        { durationMs: performance.now() - started },
      ),
    );
    sendCognitoError(response, 400, refusal);
    return;
  }
  await forward(options.backend, request, body, response);
}

function operationOf(request: IncomingMessage): string | undefined {
  const target = request.headers['x-amz-target'];
  return typeof target === 'string' && target.startsWith(TARGET_PREFIX)
    ? target.slice(TARGET_PREFIX.length)
    : undefined;
}

/** A body that is not JSON is cognito-local's to refuse. */
function refusalIn(
  options: CognitoFrontOptions,
  operation: string,
  body: Buffer,
): CognitoRefusal | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body.toString('utf8'));
  } catch {
    return undefined;
  }
  if (typeof parsed !== 'object' || parsed === null) return undefined;
  const rules = options.pools.rulesFor(parsed);
  return rules && refusalOf(operation, parsed, rules);
}

/** Cognito's JSON error: HTTP status, `__type` and `message`, and the same in headers. */
function sendCognitoError(
  response: ServerResponse,
  status: number,
  { type, message }: { type: string; message: string },
): void {
  const payload = JSON.stringify({ __type: type, message });
  response.writeHead(status, {
    'Content-Type': 'application/x-amz-json-1.1',
    'Content-Length': String(Buffer.byteLength(payload)),
    'x-amzn-ErrorType': `${type}:`,
    'x-amzn-RequestId': randomUUID(),
  });
  response.end(payload);
}

async function forward(
  backend: string,
  request: IncomingMessage,
  body: Buffer,
  response: ServerResponse,
): Promise<void> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.headers)) {
    if (value !== undefined && !NOT_FORWARDED.has(name))
      headers[name] = Array.isArray(value) ? value.join(',') : value;
  }
  const method = request.method ?? 'GET';
  const answer = await fetch(new URL(request.url ?? '/', backend), {
    method,
    headers,
    ...(method !== 'GET' && method !== 'HEAD' && { body }),
  });
  const payload = Buffer.from(await answer.arrayBuffer());
  const replyHeaders: Record<string, string> = { 'content-length': String(payload.length) };
  answer.headers.forEach((value, name) => {
    if (!NOT_FORWARDED.has(name)) replyHeaders[name] = value;
  });
  response.writeHead(answer.status, replyHeaders);
  response.end(method === 'HEAD' ? undefined : payload);
}
