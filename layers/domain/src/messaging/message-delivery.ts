import type { StoredMessage } from './message';

export type { StoredMessage } from './message';

/** One way a newly stored message reaches its recipient (push notification, WebSocket, ...). */
export interface MessageDelivery {
  /** Delivers a newly stored message to its recipient; throws only for failures that should fail the record. */
  deliver(message: StoredMessage): Promise<void>;
}
