// The one console line per thing that happened: a REST request, a WebSocket
// route, an S3 request, a queue or stream batch, an asynchronous attempt, a
// Cognito request the local pool's rules refused.
// All read alike: `[source] what who status duration cold|warm: reason`,
// cold or warm only where a function ran, the reason only on a refusal or
// failure.

/** How long a function's part took and whether its environment started for it. */
export interface Timing {
  durationMs: number;
  /** Undefined where no function ran. */
  coldStart?: boolean;
}

const duration = (ms: number): string => `${ms.toFixed(1)} ms`;

function line(parts: (string | number | undefined)[], timing: Timing, reason?: string): string {
  const temperature =
    timing.coldStart === undefined ? undefined : timing.coldStart ? 'cold' : 'warm';
  const words = [...parts, duration(timing.durationMs), temperature].filter(
    (part) => part !== undefined && part !== '',
  );
  return `${words.join(' ')}${reason ? `: ${reason}` : ''}`;
}

export function restLine(
  request: { method: string; url: string; status: number; reason?: string },
  timing: Timing,
): string {
  return line(['[api]', request.method, request.url, request.status], timing, request.reason);
}

export function webSocketLine(
  route: { routeKey: string; connectionId: string; status: number; reason?: string },
  timing: Timing,
): string {
  return line(['[ws]', route.routeKey, route.connectionId, route.status], timing, route.reason);
}

/** A refusal names S3's error code and message. */
export function s3Line(
  request: {
    method: string;
    path: string;
    status: number;
    error?: { code: string; message: string };
  },
  timing: Timing,
): string {
  const reason = request.error && `${request.error.code} ${request.error.message}`;
  return line(['[s3]', request.method, request.path, request.status], timing, reason);
}

/** One queue or stream batch delivered to a function, with the records it reported failed. */
export function batchLine(
  batch: {
    source: 'sqs' | 'stream';
    functionName: string;
    from: string;
    size: number;
    failed: number;
    reason?: string;
  },
  timing: Timing,
): string {
  const records = `${batch.size} record${batch.size === 1 ? '' : 's'}`;
  return line(
    [`[${batch.source}]`, batch.functionName, batch.from, records, `${batch.failed} failed`],
    timing,
    batch.reason,
  );
}

/** One attempt of an asynchronous invocation. */
export function asyncLine(
  invocation: {
    functionName: string;
    attempt: number;
    attempts: number;
    succeeded: boolean;
    reason?: string;
  },
  timing: Timing,
): string {
  return line(
    [
      '[lambda]',
      invocation.functionName,
      `async ${invocation.attempt}/${invocation.attempts}`,
      invocation.succeeded ? 'succeeded' : 'failed',
    ],
    timing,
    invocation.reason,
  );
}

/** A request the Cognito front refused, with Cognito's error type and message. */
export function cognitoRefusalLine(
  refusal: { operation: string; status: number; type: string; message: string },
  timing: Timing,
): string {
  return line(
    ['[cognito]', refusal.operation, refusal.status],
    timing,
    `${refusal.type} ${refusal.message}`,
  );
}
