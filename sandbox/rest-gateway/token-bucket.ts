// API Gateway's stage throttling: a token bucket holding up to the burst
// limit, refilled at the rate limit per second. A request that finds it empty
// is answered 429 (THROTTLED) before authorization or integration.
export interface TokenBucket {
  /** Takes one token; false when none is left. */
  take(): boolean;
}

export function createTokenBucket(options: {
  ratePerSecond: number;
  burst: number;
  /** Epoch milliseconds; for tests. */
  now?: () => number;
}): TokenBucket {
  const now = options.now ?? Date.now;
  let tokens = options.burst;
  let refilledAt = now();
  return {
    take() {
      const at = now();
      tokens = Math.min(options.burst, tokens + ((at - refilledAt) / 1000) * options.ratePerSecond);
      refilledAt = at;
      if (tokens < 1) return false;
      tokens -= 1;
      return true;
    },
  };
}
