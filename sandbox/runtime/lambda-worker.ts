// Entry of a worker thread that plays one Lambda execution environment:
// loads the built handler once (the cold start), then runs one invocation per
// message. Module state survives between invocations, as in a warm environment.
import { parentPort, workerData } from 'node:worker_threads';
import { pathToFileURL } from 'node:url';
import type { Context } from 'aws-lambda';
import { keepCompiledModulesIn } from '../compile-cache';
import {
  toLambdaError,
  type InvokeMessage,
  type LambdaError,
  type WorkerMessage,
  type WorkerStartData,
} from './worker-protocol';

type Handler = (event: unknown, context: Context) => unknown;

const start = workerData as WorkerStartData;
const port = parentPort;
if (!port) throw new Error('lambda-worker must run in a worker thread');

function post(message: WorkerMessage): void {
  port?.postMessage(message);
}

async function loadHandler(): Promise<Handler | LambdaError> {
  let handlerModule: Record<string, unknown>;
  try {
    handlerModule = (await import(pathToFileURL(start.handlerFile).href)) as Record<
      string,
      unknown
    >;
  } catch (thrown) {
    const error = toLambdaError(thrown);
    if ((thrown as { code?: string }).code === 'ERR_MODULE_NOT_FOUND') {
      return { ...error, errorType: 'Runtime.ImportModuleError' };
    }
    return error;
  }
  let target: unknown = handlerModule;
  for (const key of start.exportPath.split('.')) {
    target = (target as Record<string, unknown> | undefined)?.[key];
  }
  if (typeof target !== 'function') {
    return {
      errorType: 'Runtime.HandlerNotFound',
      errorMessage: `${start.exportPath} is undefined or not exported`,
      trace: [],
    };
  }
  return target as Handler;
}

function contextFor(message: InvokeMessage): Context {
  const fail = (): never => {
    throw new Error('Callback-style context methods are not supported on nodejs24.x');
  };
  return {
    ...message.context,
    callbackWaitsForEmptyEventLoop: true,
    getRemainingTimeInMillis: () => Math.max(0, message.deadline - Date.now()),
    done: fail,
    fail,
    succeed: fail,
  };
}

async function invoke(handler: Handler, message: InvokeMessage): Promise<WorkerMessage> {
  process.env._X_AMZN_TRACE_ID = message.traceId;
  try {
    const result = await handler(JSON.parse(message.eventJson), contextFor(message));
    return { type: 'result', payload: JSON.stringify(result ?? null) };
  } catch (thrown) {
    return { type: 'error', error: toLambdaError(thrown) };
  }
}

if (start.enableSourceMaps) process.setSourceMapsEnabled(true);
// The handler's bundle is compiled once per change, not at every cold start.
if (start.compileCacheDirectory) keepCompiledModulesIn(start.compileCacheDirectory);
const loaded = await loadHandler();
if (typeof loaded === 'function') {
  port.on('message', (message: InvokeMessage) => {
    void invoke(loaded, message).then(post);
  });
  post({ type: 'ready' });
} else {
  post({ type: 'init-error', error: loaded });
}
