// Which records of a batch Lambda deletes after an invocation: all of them
// when it succeeded (and reported no failures); none when it failed or its
// batchItemFailures cannot be trusted (an identifier that is missing, empty,
// or not in the batch); otherwise all but the reported ones.

export type InvocationOutcome = (
  { status: 'succeeded'; payload: string } | { status: 'failed'; error?: { errorMessage: string } }
) & { coldStart?: boolean };

export function recordsToDelete(
  messageIds: readonly string[],
  outcome: InvocationOutcome,
  reportBatchItemFailures: boolean,
): string[] {
  if (outcome.status === 'failed') return [];
  if (!reportBatchItemFailures) return [...messageIds];
  let response: unknown;
  try {
    response = outcome.payload === '' ? null : JSON.parse(outcome.payload);
  } catch {
    return [];
  }
  if (response === null || typeof response !== 'object') return [...messageIds];
  const failures = (response as { batchItemFailures?: unknown }).batchItemFailures;
  if (failures === undefined || failures === null) return [...messageIds];
  if (!Array.isArray(failures)) return [];
  const failed = new Set<string>();
  for (const failure of failures) {
    const id = (failure as { itemIdentifier?: unknown } | null)?.itemIdentifier;
    if (typeof id !== 'string' || id === '' || !messageIds.includes(id)) return [];
    failed.add(id);
  }
  return messageIds.filter((id) => !failed.has(id));
}
