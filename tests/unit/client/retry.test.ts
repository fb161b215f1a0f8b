import { jest } from '@jest/globals';
import {
  DEFAULT_RETRY_POLICY,
  fetchWithRetry,
  retryAfterMs,
  retryDelayMs,
} from '../../../client/src/retry';

const policy = { maxAttempts: 4, baseDelayMs: 100, maxDelayMs: 1_000, maxRetryAfterMs: 5_000 };

function replies(...statuses: (number | [number, string])[]): () => Promise<Response> {
  const queue = [...statuses];
  return async () => {
    const next = queue.shift() ?? 200;
    const [status, retryAfter] = Array.isArray(next) ? next : [next, undefined];
    const headers = retryAfter === undefined ? undefined : { 'Retry-After': retryAfter };
    return new Response(status === 204 ? null : '{}', { status, headers });
  };
}

describe('the backoff before a retry', () => {
  it('doubles its ceiling with every retry, up to the maximum', () => {
    const ceilings = [1, 2, 3].map((retry) => retryDelayMs(policy, retry, undefined, () => 0.999));

    expect(ceilings).toEqual([99, 199, 399]);
    expect(retryDelayMs({ ...policy, maxAttempts: 10 }, 8, undefined, () => 0.999)).toBe(999);
  });

  it('is a random share of the ceiling (full jitter)', () => {
    const delays = [0, 0.5].map((random) => retryDelayMs(policy, 3, undefined, () => random));

    expect(delays).toEqual([0, 200]);
  });

  it('waits at least what Retry-After asks', () => {
    const delay = retryDelayMs(policy, 1, 2_000, () => 0.5);

    expect(delay).toBe(2_000);
  });

  it('gives up when the attempts are spent or Retry-After is beyond the policy', () => {
    expect(retryDelayMs(policy, 4, undefined, () => 0.5)).toBeUndefined();
    expect(retryDelayMs(policy, 1, 6_000, () => 0.5)).toBeUndefined();
  });
});

describe('Retry-After', () => {
  it('reads delay-seconds and HTTP dates', () => {
    const now = Date.parse('2026-01-31T09:30:00Z');

    expect(retryAfterMs('3', now)).toBe(3_000);
    expect(retryAfterMs('Sat, 31 Jan 2026 09:30:05 GMT', now)).toBe(5_000);
    expect(retryAfterMs(null, now)).toBeUndefined();
    expect(retryAfterMs('soon', now)).toBeUndefined();
  });
});

describe('a request sent with retries', () => {
  it('is sent again after 429 and 5xx until a reply that is not retryable', async () => {
    const waits: number[] = [];
    const send = jest.fn(replies(429, 503, 201));

    const response = await fetchWithRetry(
      send,
      policy,
      async (ms) => void waits.push(ms),
      () => 0,
    );

    expect(response.status).toBe(201);
    expect(send).toHaveBeenCalledTimes(3);
    expect(waits).toEqual([0, 0]);
  });

  it('honours the Retry-After of a throttled reply', async () => {
    const waits: number[] = [];

    await fetchWithRetry(
      replies([429, '2'], 200),
      policy,
      async (ms) => void waits.push(ms),
      () => 0,
    );

    expect(waits).toEqual([2_000]);
  });

  it('returns a 4xx other than 429 at once', async () => {
    const send = jest.fn(replies(412, 200));

    const response = await fetchWithRetry(send, policy, async () => undefined);

    expect(response.status).toBe(412);
    expect(send).toHaveBeenCalledTimes(1);
  });

  it('returns the last retryable reply when the attempts are spent', async () => {
    const send = jest.fn(replies(500, 500, 500, 500, 200));

    const response = await fetchWithRetry(send, DEFAULT_RETRY_POLICY, async () => undefined);

    expect(response.status).toBe(500);
    expect(send).toHaveBeenCalledTimes(DEFAULT_RETRY_POLICY.maxAttempts);
  });

  it('retries a network failure and throws it once the attempts are spent', async () => {
    const failure = new TypeError('fetch failed');
    const send = jest.fn(async (): Promise<Response> => {
      throw failure;
    });

    await expect(fetchWithRetry(send, policy, async () => undefined)).rejects.toBe(failure);
    expect(send).toHaveBeenCalledTimes(policy.maxAttempts);
  });
});
