import type { StoredMessage } from './message';

export type { StoredMessage } from './message';

/** What a channel knows of earlier attempts at the message. */
export interface DeliveryAttempt {
  /**
   * The message was stored by this attempt: no earlier one got as far as
   * delivering any of it, so there is nothing delivered to look up.
   */
  newlyStored: boolean;
}

/** One way a newly stored message reaches its recipient (push notification, WebSocket, ...). */
export interface MessageDelivery {
  /** Delivers a newly stored message to its recipient; throws only for failures that should fail the record. */
  deliver(message: StoredMessage, attempt: DeliveryAttempt): Promise<void>;
}
