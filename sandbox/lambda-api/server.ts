// The Lambda Invoke API on loopback (what `sam local start-lambda` offers),
// so that handlers can call InvokeCommand through AWS_ENDPOINT_URL_LAMBDA.
// RequestResponse answers with the function's payload; Event answers 202 and
// runs the function in the background with Lambda's asynchronous retries,
// event age limit and OnSuccess/OnFailure destination records.
// This file routes by invocation type; reading the request is
// invoke-request.ts, the background runs async-invocations.ts and
// async-retries.ts, their records destinations.ts.
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { closeServer, listen } from '../runtime/listen';
import { createAsyncInvocations, type AsyncInvocations } from './async-invocations';
import { sendInvokeApiError } from './error-response';
import { invokeSynchronously } from './invoke-synchronously';
import { parseInvokeRequest } from './invoke-request';
import type { LambdaAccount, LambdaInvokeTarget } from './invoke-target';

export type { LambdaInvokeTarget } from './invoke-target';

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

interface LambdaApiScope {
  functions: Readonly<Record<string, LambdaInvokeTarget>>;
  account: LambdaAccount;
  background: AsyncInvocations;
}

export async function startLambdaApi(options: LambdaApiOptions): Promise<LambdaApi> {
  const log = options.log ?? ((message: string) => console.error(message));
  const account = {
    region: options.region ?? 'us-east-1',
    accountId: options.accountId ?? '123456789012',
  };
  const background = createAsyncInvocations({
    account,
    retryDelaysMs: options.retryDelaysMs ?? [60_000, 120_000],
    log,
  });
  const scope: LambdaApiScope = { functions: options.functions, account, background };
  const server = createServer((request, response) => {
    handle(scope, request, response).catch((error: unknown) => {
      log(`[lambda] ${error instanceof Error ? error.stack : String(error)}`);
      if (response.headersSent) response.destroy();
      else
        sendInvokeApiError(response, {
          status: 500,
          errorType: 'ServiceException',
          message: 'Internal error',
        });
    });
  });
  const url = await listen(
    server,
    options.port,
    options.host ?? '127.0.0.1',
    'Lambda invoke endpoint',
  );
  return {
    url,
    drained: () => background.drained(),
    close: async () => {
      background.close();
      await closeServer(server);
    },
  };
}

async function handle(
  scope: LambdaApiScope,
  request: IncomingMessage,
  response: ServerResponse,
): Promise<void> {
  const parsed = await parseInvokeRequest(request, scope.functions, scope.account);
  if ('error' in parsed) {
    sendInvokeApiError(response, parsed.error);
    return;
  }
  const { name, target, invocationType, event } = parsed.request;
  const requestId = randomUUID();
  switch (invocationType) {
    case 'DryRun':
      response.writeHead(204, { 'x-amzn-RequestId': requestId });
      response.end();
      return;
    case 'Event':
      scope.background.accept({ name, target, event, requestId });
      response.writeHead(202, { 'x-amzn-RequestId': requestId, 'Content-Length': '0' });
      response.end();
      return;
    default:
      await invokeSynchronously(target, event, requestId, response);
  }
}
