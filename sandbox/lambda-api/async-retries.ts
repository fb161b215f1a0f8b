// One asynchronous invocation as Lambda runs it: attempts with the same
// request id, retries after the configured delays, an event too old for its
// next retry given up, and the record of how it ended sent to its destination.
import { asyncLine, type Timing } from '../runtime/access-lines';
import { deliverRecord } from './destinations';
import { invocationRecord, type InvocationCondition } from './invocation-record';
import { unqualifiedArnOf, type LambdaAccount, type LambdaInvokeTarget } from './invoke-target';

export interface AsyncInvocation {
  name: string;
  target: LambdaInvokeTarget;
  event: unknown;
  requestId: string;
}

export interface RetryScope {
  account: LambdaAccount;
  /** Waits before the first retry and before each later one. */
  retryDelaysMs: readonly [number, number];
  log: (message: string) => void;
  sleep(ms: number): Promise<void>;
  closing(): boolean;
}

type Attempt = (
  { succeeded: true; payload: string } | { succeeded: false; payload: string; reason: string }
) &
  Timing;

const defaultRetries = 2;
const defaultMaximumEventAgeSeconds = 6 * 60 * 60;

export async function runWithRetries(
  scope: RetryScope,
  invocation: AsyncInvocation,
): Promise<void> {
  const { name, target, requestId } = invocation;
  const retries = target.maximumRetryAttempts ?? defaultRetries;
  const maximumAgeSeconds = target.maximumEventAgeSeconds ?? defaultMaximumEventAgeSeconds;
  const expiresAt = Date.now() + maximumAgeSeconds * 1000;
  const finish = (condition: InvocationCondition, invokeCount: number, payload?: string) =>
    deliverRecord(
      scope.log,
      name,
      condition === 'Success' ? target.onSuccess : target.onFailure,
      recordOf(scope.account, invocation, { condition, invokeCount, payload }),
    );
  let lastPayload: string | undefined;
  for (let attempt = 0; attempt <= retries; attempt += 1) {
    if (attempt > 0) {
      const delay = scope.retryDelaysMs[attempt === 1 ? 0 : 1];
      // An event too old for its next retry goes to the destination instead.
      if (Date.now() + delay > expiresAt) return finish('EventAgeExceeded', attempt, lastPayload);
      await scope.sleep(delay);
    }
    if (scope.closing()) return;
    const outcome = await attemptOnce(invocation);
    scope.log(
      asyncLine(
        {
          functionName: name,
          attempt: attempt + 1,
          attempts: retries + 1,
          succeeded: outcome.succeeded,
          reason: outcome.succeeded ? undefined : `${requestId} ${outcome.reason}`,
        },
        outcome,
      ),
    );
    if (outcome.succeeded) return finish('Success', attempt + 1, outcome.payload);
    lastPayload = outcome.payload;
  }
  if (!scope.closing()) await finish('RetriesExhausted', retries + 1, lastPayload);
}

/** Retries keep the request id, as Lambda's do. */
async function attemptOnce({ target, event, requestId }: AsyncInvocation): Promise<Attempt> {
  const started = performance.now();
  try {
    const result = await target.invoke(event, { requestId });
    const timing = { durationMs: performance.now() - started, coldStart: result.coldStart };
    if (result.status === 'succeeded') {
      return { succeeded: true, payload: result.payload, ...timing };
    }
    const reason = `${result.error.errorType}: ${result.error.errorMessage}`;
    return { succeeded: false, payload: result.payload, reason, ...timing };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    const payload = JSON.stringify({ errorType: 'Runtime.Unknown', errorMessage: reason });
    return { succeeded: false, payload, reason, durationMs: performance.now() - started };
  }
}

function recordOf(
  account: LambdaAccount,
  { name, target, event, requestId }: AsyncInvocation,
  ending: { condition: InvocationCondition; invokeCount: number; payload: string | undefined },
) {
  return invocationRecord({
    requestId,
    functionArn: target.functionArn ?? unqualifiedArnOf(account, name),
    condition: ending.condition,
    invokeCount: ending.invokeCount,
    event,
    responsePayload: ending.payload,
    functionError: ending.condition !== 'Success',
  });
}
