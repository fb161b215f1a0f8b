// When and how long to wait before sending a request again: 429 and 5xx
// replies and network failures are retried with exponential backoff and full
// jitter (spreads the retries of many clients over time), and a Retry-After
// the server sends is waited for at least.

export interface RetryPolicy {
  /** Tries in all, the first included. */
  maxAttempts: number;
  /** The backoff ceiling of the first retry; it doubles per retry. */
  baseDelayMs: number;
  /** No backoff ceiling above this. */
  maxDelayMs: number;
  /** A Retry-After longer than this is not waited for: the reply is returned. */
  maxRetryAfterMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxAttempts: 4,
  baseDelayMs: 200,
  maxDelayMs: 5_000,
  maxRetryAfterMs: 30_000,
};

export function isRetryableStatus(status: number): boolean {
  return status === 429 || (status >= 500 && status <= 599);
}

/** Retry-After as milliseconds: delay-seconds or an HTTP date; undefined when absent or unreadable. */
export function retryAfterMs(value: string | null, now: number = Date.now()): number | undefined {
  if (value === null || value.trim() === '') return undefined;
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/**
 * The wait before retry number `retry` (1 for the first), or undefined when
 * the policy gives up: the attempts are spent, or the server asks for longer
 * than the policy waits.
 */
export function retryDelayMs(
  policy: RetryPolicy,
  retry: number,
  serverDelayMs: number | undefined,
  random: () => number = Math.random,
): number | undefined {
  if (retry >= policy.maxAttempts) return undefined;
  if (serverDelayMs !== undefined && serverDelayMs > policy.maxRetryAfterMs) return undefined;
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (retry - 1));
  const jittered = Math.floor(random() * ceiling);
  return Math.max(jittered, serverDelayMs ?? 0);
}

export type Sleep = (ms: number) => Promise<void>;

export const sleep: Sleep = (ms) => new Promise((done) => setTimeout(done, ms));

/**
 * Sends the request until it gets a reply that is not retryable or the
 * policy gives up; the same Request (and so the same Idempotency-Key) each time.
 */
export async function fetchWithRetry(
  send: () => Promise<Response>,
  policy: RetryPolicy,
  wait: Sleep = sleep,
  random: () => number = Math.random,
): Promise<Response> {
  for (let retry = 1; ; retry++) {
    let response: Response;
    try {
      response = await send();
    } catch (error) {
      // A network failure: no reply to honour, only the backoff.
      const delay = retryDelayMs(policy, retry, undefined, random);
      if (delay === undefined) throw error;
      await wait(delay);
      continue;
    }
    if (!isRetryableStatus(response.status)) return response;
    const delay = retryDelayMs(
      policy,
      retry,
      retryAfterMs(response.headers.get('retry-after')),
      random,
    );
    if (delay === undefined) return response;
    await response.body?.cancel();
    await wait(delay);
  }
}
