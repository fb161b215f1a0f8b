// A stage's throttling, as API Gateway applies it: the stage's limits hold
// for each method on its own (`GET /v1/items/{id}` running hot leaves
// `POST /v1/items` its whole burst), each method a token bucket. Requests that
// match no method share one bucket, so unknown paths cannot grow the map.
import type { Route } from './routes';
import { createTokenBucket, type TokenBucket } from './token-bucket';

export interface MethodThrottle {
  /** Whether the route (undefined: no route matched) may take a request now. */
  take(route: Pick<Route, 'method' | 'resource'> | undefined): boolean;
}

export function createMethodThrottle(limits: {
  rateLimit: number;
  burstLimit: number;
}): MethodThrottle {
  const buckets = new Map<string, TokenBucket>();
  return {
    take(route) {
      const key = route ? `${route.method} ${route.resource}` : '';
      let bucket = buckets.get(key);
      if (!bucket) {
        bucket = createTokenBucket({ ratePerSecond: limits.rateLimit, burst: limits.burstLimit });
        buckets.set(key, bucket);
      }
      return bucket.take();
    },
  };
}
