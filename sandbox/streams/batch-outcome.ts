// What Lambda makes of one invocation with a batch of stream records.
import type { InvokeResult } from '../runtime/function-host';

export type BatchOutcome =
  | { kind: 'success' }
  /** ReportBatchItemFailures: records from `retryFrom` on are retried; those before are done. */
  | { kind: 'partial'; retryFrom: number }
  | { kind: 'failure'; functionError?: 'Unhandled'; reason: string };

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * A function error fails the whole batch. With ReportBatchItemFailures, the
 * checkpoint goes to the lowest failed sequence number; an empty or null
 * list, an empty response or null is success; an identifier that is missing,
 * empty, not a string or not in the batch fails the whole batch.
 */
export function batchOutcomeOf(
  result: InvokeResult,
  sequenceNumbers: readonly string[],
  reportBatchItemFailures: boolean,
): BatchOutcome {
  if (result.status === 'failed') {
    return {
      kind: 'failure',
      functionError: 'Unhandled',
      reason: `${result.error.errorType}: ${result.error.errorMessage}`,
    };
  }
  if (!reportBatchItemFailures) return { kind: 'success' };
  let response: unknown;
  try {
    response = result.payload === '' ? null : JSON.parse(result.payload);
  } catch {
    return { kind: 'success' };
  }
  if (!isObject(response)) return { kind: 'success' };
  const failures = response.batchItemFailures;
  if (failures === undefined || failures === null) return { kind: 'success' };
  if (!Array.isArray(failures))
    return { kind: 'failure', reason: 'batchItemFailures is not a list' };
  if (failures.length === 0) return { kind: 'success' };
  let retryFrom = sequenceNumbers.length;
  for (const failure of failures) {
    const identifier = isObject(failure) ? failure.itemIdentifier : undefined;
    const index =
      typeof identifier === 'string' && identifier !== ''
        ? sequenceNumbers.indexOf(identifier)
        : -1;
    if (index < 0) {
      return { kind: 'failure', reason: `malformed batch item failure ${JSON.stringify(failure)}` };
    }
    retryFrom = Math.min(retryFrom, index);
  }
  return { kind: 'partial', retryFrom };
}
