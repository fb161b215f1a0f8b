// A function as the Invoke API reaches it: how to invoke it, its
// EventInvokeConfig and its destinations, and the account whose ARNs name it.
import type { InvokeResult } from '../runtime/function-host';
import type { InvocationRecord } from './invocation-record';

export interface LambdaInvokeTarget {
  invoke(event: unknown, options?: { requestId?: string }): Promise<InvokeResult>;
  /** The function's EventInvokeConfig.MaximumRetryAttempts; Lambda's default is 2. */
  maximumRetryAttempts?: number;
  /** EventInvokeConfig.MaximumEventAgeInSeconds; Lambda's default is 6 hours. */
  maximumEventAgeSeconds?: number;
  /** Named in destination records. */
  functionArn?: string;
  /** Sends the record of an asynchronous invocation that succeeded to its destination. */
  onSuccess?: (record: InvocationRecord) => Promise<void>;
  /** Sends the record of an asynchronous invocation that Lambda gave up on. */
  onFailure?: (record: InvocationRecord) => Promise<void>;
}

export interface LambdaAccount {
  region: string;
  accountId: string;
}

/** The ARN of a function by name, when its target names none. */
export function unqualifiedArnOf(account: LambdaAccount, name: string): string {
  return `arn:aws:lambda:${account.region}:${account.accountId}:function:${name}`;
}
