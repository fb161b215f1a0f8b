/**
 * Which devices a message's push already reached (port). A message comes back
 * from the queue when any of its deliveries failed; with receipts, the retry
 * pushes only to the devices that did not get it, never twice to a phone.
 */
export interface PushReceipts {
  reached(messageId: string): Promise<ReadonlySet<string>>;
  record(messageId: string, deviceId: string): Promise<void>;
}
