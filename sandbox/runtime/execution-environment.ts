// One Lambda execution environment: a worker thread with its own environment
// variables and module state, running one invocation at a time. Timeouts and
// crashes end it, as they end a Lambda environment.
import { Worker } from 'node:worker_threads';
import type { LogOutput } from './log-output';
import type { InvokeMessage, LambdaError, WorkerMessage, WorkerStartData } from './worker-protocol';

export type InvocationOutcome =
  { type: 'result'; payload: string } | { type: 'error'; error: LambdaError };

export interface EnvironmentOptions {
  entryFile: string;
  startData: WorkerStartData;
  env: Record<string, string>;
  memorySizeMb: number;
  logs: LogOutput;
  initTimeoutMs: number;
}

export interface ExecutionEnvironment {
  readonly alive: boolean;
  /** Runs the init phase once; later calls return the same outcome. */
  initialized(): Promise<LambdaError | undefined>;
  invoke(message: InvokeMessage, timeoutMs: number): Promise<InvocationOutcome>;
  terminate(): Promise<void>;
}

function runtimeError(errorType: string, errorMessage: string): LambdaError {
  return { errorType, errorMessage, trace: [] };
}

export function startEnvironment(options: EnvironmentOptions): ExecutionEnvironment {
  const worker = new Worker(options.entryFile, {
    workerData: options.startData,
    env: options.env,
    stdout: true,
    stderr: true,
    resourceLimits: { maxOldGenerationSizeMb: options.memorySizeMb },
  });
  options.logs.follow(worker.stdout, 'stdout');
  options.logs.follow(worker.stderr, 'stderr');

  let alive = true;
  let waiting: ((message: WorkerMessage) => void) | undefined;
  const settle = (message: WorkerMessage): void => {
    const resolve = waiting;
    waiting = undefined;
    resolve?.(message);
  };

  worker.on('message', (message: WorkerMessage) => settle(message));
  worker.on('error', (error: Error & { code?: string }) => {
    alive = false;
    const errorType =
      error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? 'Runtime.OutOfMemory' : 'Runtime.ExitError';
    settle({ type: 'error', error: { ...runtimeError(errorType, error.message) } });
  });
  worker.on('exit', (code) => {
    alive = false;
    settle({
      type: 'error',
      error: runtimeError('Runtime.ExitError', `Runtime exited with error: exit status ${code}`),
    });
  });

  const next = (timeoutMs: number, onTimeout: () => LambdaError): Promise<WorkerMessage> =>
    new Promise((resolve) => {
      const timer = setTimeout(() => {
        alive = false;
        void worker.terminate();
        settle({ type: 'error', error: onTimeout() });
      }, timeoutMs);
      waiting = (message) => {
        clearTimeout(timer);
        resolve(message);
      };
    });

  const init = next(options.initTimeoutMs, () =>
    runtimeError(
      'Runtime.InitError',
      `Init phase did not finish within ${options.initTimeoutMs} ms`,
    ),
  ).then((message) => {
    if (message.type === 'ready') return undefined;
    alive = false;
    void worker.terminate();
    return message.type === 'init-error' || message.type === 'error'
      ? message.error
      : runtimeError('Runtime.InitError', 'Unexpected message during init');
  });

  return {
    get alive() {
      return alive;
    },
    initialized: () => init,
    async invoke(message, timeoutMs) {
      const initError = await init;
      if (initError) return { type: 'error', error: initError };
      const outcome = next(timeoutMs, () =>
        runtimeError(
          'Sandbox.Timedout',
          `Task timed out after ${(timeoutMs / 1000).toFixed(2)} seconds`,
        ),
      );
      worker.postMessage(message);
      const reply = await outcome;
      if (reply.type === 'result' || reply.type === 'error') return reply;
      return { type: 'error', error: runtimeError('Runtime.Unknown', 'Unexpected worker message') };
    },
    async terminate() {
      alive = false;
      await worker.terminate();
    },
  };
}
