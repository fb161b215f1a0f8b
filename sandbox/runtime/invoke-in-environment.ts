// One invocation in an environment taken from the pool: the init phase
// first (its error is the invocation's), then the event with Lambda's
// context, a deadline of the function's timeout and a trace header; a failure
// is logged under its request id.
import { randomUUID } from 'node:crypto';
import type { PooledEnvironment } from './environment-pool';
import type { InvocationOutcome } from './execution-environment';
import type { InvokeResult } from './invoke-result';
import type { LogOutput } from './log-output';
import type { InvokeContextFields } from './worker-protocol';

export interface InvocationSettings {
  functionName: string;
  functionArn: string;
  memorySizeMb: number;
  logGroupName: string;
  timeoutMs: number;
  logs: LogOutput;
}

export interface Invocation {
  requestId: string;
  eventJson: string;
}

function traceId(): string {
  const epoch = Math.floor(Date.now() / 1000).toString(16);
  const random = randomUUID().replaceAll('-', '').slice(0, 24);
  // Not sampled: nothing local collects X-Ray segments.
  return `Root=1-${epoch}-${random};Parent=${random.slice(0, 16)};Sampled=0`;
}

function contextOf(
  settings: InvocationSettings,
  pooled: PooledEnvironment,
  requestId: string,
): InvokeContextFields {
  return {
    awsRequestId: requestId,
    functionName: settings.functionName,
    functionVersion: '$LATEST',
    invokedFunctionArn: settings.functionArn,
    memoryLimitInMB: String(settings.memorySizeMb),
    logGroupName: settings.logGroupName,
    logStreamName: pooled.logStreamName,
  };
}

/** The duration of a failed init is the init's; otherwise the invocation's alone. */
export async function invokeInEnvironment(
  settings: InvocationSettings,
  pooled: PooledEnvironment,
  { requestId, eventJson }: Invocation,
): Promise<InvokeResult> {
  const started = performance.now();
  const initError = await pooled.environment.initialized();
  const invokeStarted = performance.now();
  const outcome: InvocationOutcome = initError
    ? { type: 'error', error: initError }
    : await pooled.environment.invoke(
        {
          type: 'invoke',
          eventJson,
          context: contextOf(settings, pooled, requestId),
          deadline: Date.now() + settings.timeoutMs,
          traceId: traceId(),
        },
        settings.timeoutMs,
      );
  const durationMs = performance.now() - (initError ? started : invokeStarted);
  if (outcome.type === 'result') {
    return { status: 'succeeded', requestId, durationMs, payload: outcome.payload };
  }
  settings.logs.line(
    `${requestId} ${outcome.error.errorType}: ${outcome.error.errorMessage}`,
    'stderr',
  );
  return {
    status: 'failed',
    requestId,
    durationMs,
    error: outcome.error,
    payload: JSON.stringify(outcome.error),
  };
}
