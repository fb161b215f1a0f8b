// The invocations accepted with `Event`: each runs in the background with its
// retries, the API can wait for all of them to finish, and closing wakes the
// retries that wait so that they end without another attempt.
import { runWithRetries, type AsyncInvocation, type RetryScope } from './async-retries';

export interface AsyncInvocations {
  accept(invocation: AsyncInvocation): void;
  /** Resolves once every accepted invocation has finished, retries included. */
  drained(): Promise<void>;
  close(): void;
}

export function createAsyncInvocations(
  options: Pick<RetryScope, 'account' | 'retryDelaysMs' | 'log'>,
): AsyncInvocations {
  const background = new Set<Promise<void>>();
  const sleeps = createWakeableSleeps();
  let closing = false;
  const scope: RetryScope = { ...options, sleep: sleeps.sleep, closing: () => closing };
  return {
    accept(invocation) {
      const run = runWithRetries(scope, invocation).finally(() => background.delete(run));
      background.add(run);
    },
    async drained() {
      while (background.size > 0) await Promise.all([...background]);
    },
    close() {
      closing = true;
      sleeps.wakeAll();
    },
  };
}

function createWakeableSleeps() {
  const sleepers = new Map<NodeJS.Timeout, () => void>();
  return {
    sleep: (ms: number): Promise<void> =>
      new Promise((resolve) => {
        const timer = setTimeout(() => {
          sleepers.delete(timer);
          resolve();
        }, ms);
        sleepers.set(timer, resolve);
      }),
    wakeAll(): void {
      for (const [timer, wake] of sleepers) {
        clearTimeout(timer);
        wake();
      }
      sleepers.clear();
    },
  };
}
