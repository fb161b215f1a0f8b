// Runs one template function locally as Lambda would: a pool of execution
// environments (worker threads), each with the function's own environment
// variables, one invocation at a time per environment, warm between
// invocations, more environments for concurrent invocations, a queue beyond
// the pool's limit, and fresh (cold) environments after the code is rebuilt.
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { FunctionSpec } from '../template/model';
import { handlerModuleName } from './build';
import { startEnvironment, type ExecutionEnvironment } from './execution-environment';
import {
  localCredentials,
  newLogStreamName,
  reservedVariables,
  type LocalCredentials,
} from './lambda-environment';
import { createLogOutput } from './log-output';
import { workerEntryFile } from './worker-entry';
import type { InvokeContextFields, LambdaError } from './worker-protocol';

export type { LambdaError } from './worker-protocol';

export interface FunctionHostOptions {
  fn: Pick<FunctionSpec, 'logicalId' | 'handler' | 'timeoutSeconds' | 'memorySizeMb'>;
  /** Directory of the built function (LAMBDA_TASK_ROOT). */
  codeDir: string;
  /** Resolved template variables plus the local endpoints (AWS_ENDPOINT_URL_*). */
  environment: Record<string, string>;
  /** Local physical name; defaults to the logical id. */
  functionName?: string;
  region?: string;
  accountId?: string;
  logGroupName?: string;
  credentials?: LocalCredentials;
  /** Most environments alive at once; invocations beyond wait. Default 10. */
  maxEnvironments?: number;
  initTimeoutSeconds?: number;
  /** Every line of function output is appended here. */
  logFile?: string;
  /** Readable lines on the console too; defaults to true without a log file. */
  logToConsole?: boolean;
  /** Metric documents and debug lines on the console as well. */
  verbose?: boolean;
  /** Awaited before each invocation, e.g. a pending rebuild. */
  beforeInvoke?: () => Promise<void>;
}

interface InvokeResultBase {
  requestId: string;
  durationMs: number;
  /** What Lambda's Invoke API returns as the payload: the JSON result or the error. */
  payload: string;
}

export type InvokeResult =
  | (InvokeResultBase & { status: 'succeeded' })
  | (InvokeResultBase & { status: 'failed'; error: LambdaError });

export interface FunctionHost {
  readonly functionName: string;
  readonly functionArn: string;
  invoke(event: unknown, options?: { requestId?: string }): Promise<InvokeResult>;
  /** Ends the current environments once idle; the next invocation starts cold. */
  retire(): void;
  close(): Promise<void>;
}

interface PooledEnvironment {
  environment: ExecutionEnvironment;
  generation: number;
  logStreamName: string;
}

function resolveHandlerFile(codeDir: string, handler: string): string {
  const { module } = handlerModuleName(handler);
  const candidates = ['.mjs', '.js', '.cjs'].map((extension) => join(codeDir, module + extension));
  return candidates.find((file) => existsSync(file)) ?? join(codeDir, `${module}.mjs`);
}

function traceId(): string {
  const epoch = Math.floor(Date.now() / 1000).toString(16);
  const random = randomUUID().replaceAll('-', '').slice(0, 24);
  // Not sampled: nothing local collects X-Ray segments.
  return `Root=1-${epoch}-${random};Parent=${random.slice(0, 16)};Sampled=0`;
}

export function createFunctionHost(options: FunctionHostOptions): FunctionHost {
  const functionName = options.functionName ?? options.fn.logicalId;
  const region = options.region ?? 'us-east-1';
  const accountId = options.accountId ?? '123456789012';
  const functionArn = `arn:aws:lambda:${region}:${accountId}:function:${functionName}`;
  const logGroupName = options.logGroupName ?? `/aws/lambda/${functionName}`;
  const maxEnvironments = options.maxEnvironments ?? 10;
  const timeoutMs = options.fn.timeoutSeconds * 1000;
  const logs = createLogOutput({
    prefix: functionName,
    ...(options.logFile !== undefined && { file: options.logFile }),
    ...(options.logToConsole !== undefined && { console: options.logToConsole }),
    ...(options.verbose !== undefined && { verbose: options.verbose }),
  });

  let generation = 0;
  let closed = false;
  /** Environments alive or starting; bounded by maxEnvironments. */
  let population = 0;
  const all = new Set<PooledEnvironment>();
  const idle: PooledEnvironment[] = [];
  const queue: { resolve: (pooled: PooledEnvironment) => void; reject: (error: Error) => void }[] =
    [];

  async function startPooled(): Promise<PooledEnvironment> {
    const logStreamName = newLogStreamName();
    const handlerFile = resolveHandlerFile(options.codeDir, options.fn.handler);
    const env: Record<string, string> = {
      PATH: process.env.PATH ?? '/usr/local/bin:/usr/bin:/bin',
      // The runtime emulated is nodejs24.x, where SDK v3 has no Node version to warn
      // about; the sandbox process warns once about this machine's Node instead of
      // every execution environment repeating it at each cold start.
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
      ...options.environment,
      ...reservedVariables({
        functionName,
        memorySizeMb: options.fn.memorySizeMb,
        handler: options.fn.handler,
        region,
        taskRoot: options.codeDir,
        logGroupName,
        logStreamName,
        credentials: options.credentials ?? localCredentials,
      }),
    };
    const environment = startEnvironment({
      entryFile: await workerEntryFile(),
      startData: {
        handlerFile,
        exportPath: handlerModuleName(options.fn.handler).exportPath,
        enableSourceMaps: (env.NODE_OPTIONS ?? '').includes('--enable-source-maps'),
      },
      env,
      memorySizeMb: options.fn.memorySizeMb,
      logs,
      initTimeoutMs: (options.initTimeoutSeconds ?? 10) * 1000,
    });
    const pooled = { environment, generation, logStreamName };
    all.add(pooled);
    if (closed) void environment.terminate();
    return pooled;
  }

  function discard(pooled: PooledEnvironment): void {
    if (all.delete(pooled)) population -= 1;
    void pooled.environment.terminate();
  }

  async function acquire(): Promise<PooledEnvironment> {
    for (let pooled = idle.pop(); pooled; pooled = idle.pop()) {
      if (pooled.environment.alive && pooled.generation === generation) return pooled;
      discard(pooled);
    }
    if (population < maxEnvironments) {
      population += 1;
      try {
        return await startPooled();
      } catch (error) {
        population -= 1;
        throw error;
      }
    }
    return new Promise((resolve, reject) => queue.push({ resolve, reject }));
  }

  function release(pooled: PooledEnvironment): void {
    const reusable = !closed && pooled.environment.alive && pooled.generation === generation;
    if (!reusable) discard(pooled);
    const waiter = queue.shift();
    if (!waiter) {
      if (reusable) idle.push(pooled);
    } else if (reusable) {
      waiter.resolve(pooled);
    } else {
      acquire().then(waiter.resolve, waiter.reject);
    }
  }

  async function invoke(
    event: unknown,
    invokeOptions?: { requestId?: string },
  ): Promise<InvokeResult> {
    if (closed) throw new Error(`Function host ${functionName} is closed`);
    await options.beforeInvoke?.();
    const requestId = invokeOptions?.requestId ?? randomUUID();
    const eventJson = JSON.stringify(event ?? null);
    const pooled = await acquire();
    const started = performance.now();
    try {
      const initError = await pooled.environment.initialized();
      const invokeStarted = performance.now();
      const context: InvokeContextFields = {
        awsRequestId: requestId,
        functionName,
        functionVersion: '$LATEST',
        invokedFunctionArn: functionArn,
        memoryLimitInMB: String(options.fn.memorySizeMb),
        logGroupName,
        logStreamName: pooled.logStreamName,
      };
      const outcome = initError
        ? ({ type: 'error', error: initError } as const)
        : await pooled.environment.invoke(
            {
              type: 'invoke',
              eventJson,
              context,
              deadline: Date.now() + timeoutMs,
              traceId: traceId(),
            },
            timeoutMs,
          );
      const durationMs = performance.now() - (initError ? started : invokeStarted);
      if (outcome.type === 'result') {
        return { status: 'succeeded', requestId, durationMs, payload: outcome.payload };
      }
      logs.line(`${requestId} ${outcome.error.errorType}: ${outcome.error.errorMessage}`, 'stderr');
      return {
        status: 'failed',
        requestId,
        durationMs,
        error: outcome.error,
        payload: JSON.stringify(outcome.error),
      };
    } finally {
      release(pooled);
    }
  }

  return {
    functionName,
    functionArn,
    invoke,
    retire() {
      generation += 1;
      for (const pooled of idle.splice(0)) discard(pooled);
    },
    async close() {
      closed = true;
      for (const waiter of queue.splice(0)) waiter.reject(new Error(`${functionName} closed`));
      const environments = [...all];
      all.clear();
      idle.length = 0;
      await Promise.all(environments.map((pooled) => pooled.environment.terminate()));
      await logs.close();
    },
  };
}
