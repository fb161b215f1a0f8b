// The client-facing Cognito endpoint, in front of cognito-local on loopback:
// requests of the JSON protocol go through the front's steps (front/all-steps.ts:
// the template pool's rules first, then what cognito-local lacks), and what no
// step answers reaches cognito-local; everything else, the JWKS and the
// health check included, goes through untouched.
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { readBody } from '../http/read-body';
import { cognitoRefusalLine } from '../runtime/access-lines';
import { closeServer, listen } from '../runtime/listen';
import type { PoolDirectory } from './pool-directory';
import type { StoredPasswords } from './stored-passwords';
import { FRONT_STEPS } from './front/all-steps';
import {
  cognitoError,
  errorTypeOf,
  runSteps,
  type CognitoAnswer,
  type CognitoRequest,
  type FrontContext,
} from './front/steps';

export interface CognitoFrontOptions {
  port: number;
  host: string;
  /** cognito-local's own endpoint, on loopback. */
  backend: string;
  pools: PoolDirectory;
  /** The passwords cognito-local keeps, for the SRP sign-in. */
  passwords: StoredPasswords;
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
  const context = frontContext(options);
  const server = createServer((request, response) => {
    handle(options, context, request, response).catch((error: unknown) => {
      options.log(`[cognito] ${error instanceof Error ? error.message : String(error)}`);
      if (!response.headersSent) sendAnswer(response, internalError);
      else response.destroy();
    });
  });
  const url = await listen(server, options.port, options.host, 'Cognito');
  return { url, close: () => closeServer(server) };
}

const internalError = cognitoError(500, 'InternalErrorException', 'The local Cognito failed');
const tooLarge = cognitoError(400, 'InvalidParameterException', 'The request body is too large');

async function handle(
  options: CognitoFrontOptions,
  context: FrontContext,
  request: IncomingMessage,
  response: ServerResponse,
): Promise<void> {
  const started = performance.now();
  const body = await readBody(request, MAX_BODY_BYTES);
  if (!body) {
    sendAnswer(response, tooLarge);
    return;
  }
  const parsed = cognitoRequestOf(request, body);
  if (!parsed) {
    await forward(options.backend, request, body, response);
    return;
  }
  const answer = await context.call(parsed.operation, parsed.body);
  const type = errorTypeOf(answer);
  if (type !== undefined && answer.status < 500) {
    const message = typeof answer.body.message === 'string' ? answer.body.message : '';
    options.log(
      cognitoRefusalLine(
        { operation: parsed.operation, status: answer.status, type, message },
        { durationMs: performance.now() - started },
      ),
    );
  }
  sendAnswer(response, answer);
}

/** A request of the JSON protocol; anything else (the JWKS, the health check, bad JSON) is cognito-local's. */
function cognitoRequestOf(request: IncomingMessage, body: Buffer): CognitoRequest | undefined {
  const target = request.headers['x-amz-target'];
  if (typeof target !== 'string' || !target.startsWith(TARGET_PREFIX)) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(body.toString('utf8'));
  } catch {
    return undefined;
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return undefined;
  return { operation: target.slice(TARGET_PREFIX.length), body: parsed as Record<string, unknown> };
}

function frontContext(options: CognitoFrontOptions): FrontContext {
  const context: FrontContext = {
    pools: options.pools,
    passwords: options.passwords,
    log: options.log,
    backend: (operation, body) => callBackend(options.backend, operation, body),
    call: (operation, body) =>
      runSteps(FRONT_STEPS, { operation, body }, context, () => context.backend(operation, body)),
  };
  return context;
}

async function callBackend(
  backend: string,
  operation: string,
  body: Record<string, unknown>,
): Promise<CognitoAnswer> {
  const answer = await fetch(backend, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-amz-json-1.1',
      'x-amz-target': `${TARGET_PREFIX}${operation}`,
    },
    body: JSON.stringify(body),
  });
  const text = await answer.text();
  return { status: answer.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
}

function sendAnswer(response: ServerResponse, answer: CognitoAnswer): void {
  const type = errorTypeOf(answer);
  const payload = JSON.stringify(answer.body);
  response.writeHead(answer.status, {
    'Content-Type': 'application/x-amz-json-1.1',
    'Content-Length': String(Buffer.byteLength(payload)),
    'x-amzn-RequestId': randomUUID(),
    // Browser apps call Cognito from their own origin; cognito-local allows any, as this does.
    'Access-Control-Allow-Origin': '*',
    ...(type !== undefined && { 'x-amzn-ErrorType': `${type}:` }),
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
