// Runs one template function locally as Lambda would: a pool of execution
// environments (worker threads), each with the function's own environment
// variables, one invocation at a time per environment, warm between
// invocations, more environments for concurrent invocations, a queue beyond
// the pool's limit, and fresh (cold) environments after the code is rebuilt.
// This file wires the host; the pool is environment-pool.ts, starting an
// environment function-environment.ts, an invocation invoke-in-environment.ts.
import { randomUUID } from 'node:crypto';
import type { FunctionSpec } from '../template/model';
import { EnvironmentPool } from './environment-pool';
import { startFunctionEnvironment } from './function-environment';
import { invokeInEnvironment, type InvocationSettings } from './invoke-in-environment';
import type { InvokeResult } from './invoke-result';
import { localCredentials, type LocalCredentials } from './lambda-environment';
import { createLogOutput, type LogOutput } from './log-output';

export type { InvokeResult } from './invoke-result';
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

export interface FunctionHost {
  readonly functionName: string;
  readonly functionArn: string;
  invoke(event: unknown, options?: { requestId?: string }): Promise<InvokeResult>;
  /** Ends the current environments once idle; the next invocation starts cold. */
  retire(): void;
  close(): Promise<void>;
}

export function createFunctionHost(options: FunctionHostOptions): FunctionHost {
  const functionName = options.functionName ?? options.fn.logicalId;
  const region = options.region ?? 'us-east-1';
  const accountId = options.accountId ?? '123456789012';
  const functionArn = `arn:aws:lambda:${region}:${accountId}:function:${functionName}`;
  const logGroupName = options.logGroupName ?? `/aws/lambda/${functionName}`;
  const logs = logOutputOf(options, functionName);
  const pool = new EnvironmentPool(options.maxEnvironments ?? 10, () =>
    startFunctionEnvironment({
      fn: options.fn,
      codeDir: options.codeDir,
      environment: options.environment,
      functionName,
      region,
      logGroupName,
      credentials: options.credentials ?? localCredentials,
      initTimeoutMs: (options.initTimeoutSeconds ?? 10) * 1000,
      logs,
    }),
  );
  const invocation: InvocationSettings = {
    functionName,
    functionArn,
    memorySizeMb: options.fn.memorySizeMb,
    logGroupName,
    timeoutMs: options.fn.timeoutSeconds * 1000,
    logs,
  };

  return {
    functionName,
    functionArn,
    async invoke(event, invokeOptions) {
      if (pool.closed) throw new Error(`Function host ${functionName} is closed`);
      await options.beforeInvoke?.();
      const requestId = invokeOptions?.requestId ?? randomUUID();
      const eventJson = JSON.stringify(event ?? null);
      const pooled = await pool.acquire();
      const coldStart = pooled.invocations === 0;
      pooled.invocations += 1;
      try {
        const result = await invokeInEnvironment(invocation, pooled, { requestId, eventJson });
        return { ...result, coldStart };
      } finally {
        pool.release(pooled);
      }
    },
    retire: () => pool.retire(),
    async close() {
      await pool.close(`${functionName} closed`);
      await logs.close();
    },
  };
}

function logOutputOf(options: FunctionHostOptions, functionName: string): LogOutput {
  return createLogOutput({
    prefix: functionName,
    ...(options.logFile !== undefined && { file: options.logFile }),
    ...(options.logToConsole !== undefined && { console: options.logToConsole }),
    ...(options.verbose !== undefined && { verbose: options.verbose }),
  });
}
