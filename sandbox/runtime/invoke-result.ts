// What one invocation of a hosted function gives its caller.
import type { LambdaError } from './worker-protocol';

interface InvokeResultBase {
  requestId: string;
  durationMs: number;
  /** True when the environment started for this invocation (its init ran first). */
  coldStart?: boolean;
  /** What Lambda's Invoke API returns as the payload: the JSON result or the error. */
  payload: string;
}

export type InvokeResult =
  | (InvokeResultBase & { status: 'succeeded' })
  | (InvokeResultBase & { status: 'failed'; error: LambdaError });
