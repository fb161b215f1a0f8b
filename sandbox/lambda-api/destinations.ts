// Where an asynchronous invocation's record goes: its OnSuccess or OnFailure
// destination. Without a destination a success is silent and a failure is
// logged as dropped; a destination that cannot be reached is logged too.
import type { InvocationRecord } from './invocation-record';

export type DestinationSender = (record: InvocationRecord) => Promise<void>;

export async function deliverRecord(
  log: (message: string) => void,
  name: string,
  send: DestinationSender | undefined,
  record: InvocationRecord,
): Promise<void> {
  const { condition, requestId } = record.requestContext;
  if (!send) {
    if (condition !== 'Success') {
      log(`[lambda] ${name} ${requestId} dropped (${condition}): no OnFailure destination`);
    }
    return;
  }
  try {
    await send(record);
  } catch (error) {
    log(
      `[lambda] ${name} ${requestId} could not deliver the ${condition} record: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}
