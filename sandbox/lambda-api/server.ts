// The Lambda Invoke API on loopback (what `sam local start-lambda` offers),
// so that handlers can call InvokeCommand through AWS_ENDPOINT_URL_LAMBDA.
// RequestResponse answers with the function's payload; Event answers 202 and
// runs the function in the background with Lambda's asynchronous retries,
// event age limit and OnSuccess/OnFailure destination records.
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { InvokeResult } from '../runtime/function-host';
import { closeServer, listen } from '../runtime/listen';
import { functionNameOf } from './function-name';
import { invocationRecord, type InvocationRecord } from './invocation-record';
import { readBody } from '../http/read-body';

export interface LambdaInvokeTarget {
  invoke(event: unknown, options?: { requestId?: string }): Promise<InvokeResult>;
  /** The function's EventInvokeConfig.MaximumRetryAttempts; Lambda's default is 2. */
  maximumRetryAttempts?: number;
  /** EventInvokeConfig.MaximumEventAgeInSeconds; Lambda's default is 6 hours. */
  maximumEventAgeSeconds?: number;
  /** Named in destination records. */
  functionArn?: string;
  /** Sends the record of an asynchronous invocation that succeeded to its destination. */
  onSuccess?: (record: InvocationRecord) => Promise<void>;
  /** Sends the record of an asynchronous invocation that Lambda gave up on. */
  onFailure?: (record: InvocationRecord) => Promise<void>;
}

export interface LambdaApiOptions {
  port: number;
  host?: string;
  /** By every name a caller may use: local function name and logical id. */
  functions: Record<string, LambdaInvokeTarget>;
  /** Waits before the first and second retry of a failed asynchronous invocation. */
  retryDelaysMs?: [number, number];
  region?: string;
  accountId?: string;
  log?: (message: string) => void;
}

export interface LambdaApi {
  url: string;
  /** Resolves once every accepted asynchronous invocation has finished, retries included. */
  drained(): Promise<void>;
  close(): Promise<void>;
}

const invokePath = /^\/2015-03-31\/functions\/([^/]+)\/invocations$/;
const maxSyncPayloadBytes = 6 * 1024 * 1024;
const maxAsyncPayloadBytes = 1024 * 1024;

function sendError(
  response: ServerResponse,
  status: number,
  errorType: string,
  message: string,
): void {
  response.writeHead(status, {
    'Content-Type': 'application/json',
    'x-amzn-ErrorType': errorType,
    'x-amzn-RequestId': randomUUID(),
  });
  response.end(JSON.stringify({ Type: 'User', message }));
}

export async function startLambdaApi(options: LambdaApiOptions): Promise<LambdaApi> {
  const host = options.host ?? '127.0.0.1';
  const log = options.log ?? ((message: string) => console.error(message));
  const [firstDelay, secondDelay] = options.retryDelaysMs ?? [60_000, 120_000];
  const region = options.region ?? 'us-east-1';
  const accountId = options.accountId ?? '123456789012';
  const background = new Set<Promise<void>>();
  const sleepers = new Map<NodeJS.Timeout, () => void>();
  let closing = false;

  const sleep = (ms: number): Promise<void> =>
    new Promise((resolve) => {
      const timer = setTimeout(() => {
        sleepers.delete(timer);
        resolve();
      }, ms);
      sleepers.set(timer, resolve);
    });

  async function deliver(
    name: string,
    send: ((record: InvocationRecord) => Promise<void>) | undefined,
    record: InvocationRecord,
  ): Promise<void> {
    const { condition, requestId } = record.requestContext;
    if (!send) {
      if (condition !== 'Success') {
        log(`[lambda] ${name} ${requestId} dropped (${condition}): no OnFailure destination`);
      }
      return;
    }
    try {
      await send(record);
    } catch (error) {
      log(
        `[lambda] ${name} ${requestId} could not deliver the ${condition} record: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  }

  async function invokeAsynchronously(
    name: string,
    target: LambdaInvokeTarget,
    event: unknown,
    requestId: string,
  ): Promise<void> {
    const retries = target.maximumRetryAttempts ?? 2;
    const expiresAt = Date.now() + (target.maximumEventAgeSeconds ?? 21_600) * 1000;
    const recordOf = (
      condition: InvocationRecord['requestContext']['condition'],
      invokeCount: number,
      payload: string | undefined,
    ) =>
      invocationRecord({
        requestId,
        functionArn: target.functionArn ?? `arn:aws:lambda:${region}:${accountId}:function:${name}`,
        condition,
        invokeCount,
        event,
        responsePayload: payload,
        functionError: condition !== 'Success',
      });
    let lastPayload: string | undefined;
    for (let attempt = 0; attempt <= retries; attempt += 1) {
      if (attempt > 0) {
        const delay = attempt === 1 ? firstDelay : secondDelay;
        // An event too old for its next retry goes to the destination instead.
        if (Date.now() + delay > expiresAt) {
          await deliver(name, target.onFailure, recordOf('EventAgeExceeded', attempt, lastPayload));
          return;
        }
        await sleep(delay);
      }
      if (closing) return;
      // Retries keep the request id, as Lambda's do.
      let reason: string;
      try {
        const result = await target.invoke(event, { requestId });
        if (result.status === 'succeeded') {
          await deliver(name, target.onSuccess, recordOf('Success', attempt + 1, result.payload));
          return;
        }
        lastPayload = result.payload;
        reason = `${result.error.errorType}: ${result.error.errorMessage}`;
      } catch (error) {
        reason = error instanceof Error ? error.message : String(error);
        lastPayload = JSON.stringify({ errorType: 'Runtime.Unknown', errorMessage: reason });
      }
      log(
        `[lambda] ${name} ${requestId} asynchronous attempt ${attempt + 1} of ${retries + 1} failed: ${reason}`,
      );
    }
    if (!closing) {
      await deliver(name, target.onFailure, recordOf('RetriesExhausted', retries + 1, lastPayload));
    }
  }

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', 'http://localhost');
    const match = invokePath.exec(url.pathname);
    if (!match || request.method !== 'POST') {
      sendError(
        response,
        404,
        'UnknownOperationException',
        `Unknown operation ${request.method} ${url.pathname}`,
      );
      return;
    }
    const name = functionNameOf(decodeURIComponent(match[1] ?? ''));
    const target = options.functions[name];
    if (!target) {
      const arn = `arn:aws:lambda:${region}:${accountId}:function:${name}`;
      sendError(response, 404, 'ResourceNotFoundException', `Function not found: ${arn}`);
      return;
    }
    const invocationType = String(request.headers['x-amz-invocation-type'] ?? 'RequestResponse');
    const limit = invocationType === 'Event' ? maxAsyncPayloadBytes : maxSyncPayloadBytes;
    const body = await readBody(request, limit);
    if (!body) {
      sendError(
        response,
        413,
        'RequestTooLargeException',
        `Request must be smaller than ${limit} bytes for the InvokeFunction operation`,
      );
      return;
    }
    let event: unknown;
    try {
      event = body.length === 0 ? {} : (JSON.parse(body.toString('utf8')) as unknown);
    } catch {
      sendError(
        response,
        400,
        'InvalidRequestContentException',
        'Could not parse request body into json',
      );
      return;
    }
    const requestId = randomUUID();
    if (invocationType === 'DryRun') {
      response.writeHead(204, { 'x-amzn-RequestId': requestId });
      response.end();
      return;
    }
    if (invocationType === 'Event') {
      const run = invokeAsynchronously(name, target, event, requestId).finally(() =>
        background.delete(run),
      );
      background.add(run);
      response.writeHead(202, { 'x-amzn-RequestId': requestId, 'Content-Length': '0' });
      response.end();
      return;
    }
    const result = await target.invoke(event, { requestId });
    const headers: Record<string, string> = {
      'Content-Type': 'application/json',
      'x-amzn-RequestId': result.requestId,
      'X-Amz-Executed-Version': '$LATEST',
    };
    if (result.status === 'failed') headers['X-Amz-Function-Error'] = 'Unhandled';
    response.writeHead(200, headers);
    response.end(result.payload);
  }

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      log(`[lambda] ${error instanceof Error ? error.stack : String(error)}`);
      if (!response.headersSent) sendError(response, 500, 'ServiceException', 'Internal error');
      else response.destroy();
    });
  });
  const url = await listen(server, options.port, host, 'Lambda invoke endpoint');

  return {
    url,
    drained: async () => {
      while (background.size > 0) await Promise.all([...background]);
    },
    close: async () => {
      closing = true;
      for (const [timer, wake] of sleepers) {
        clearTimeout(timer);
        wake();
      }
      sleepers.clear();
      await closeServer(server);
    },
  };
}
