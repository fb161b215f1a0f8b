import { logger } from '../observability';
import type { ConversationStore, StoreOutcome } from './conversation-store';
import type { StoredMessage } from './message';
import type { MessageDelivery } from './message-delivery';

/**
 * What the queue worker does with one message: store it once, then hand it
 * to every delivery channel. A redelivered message is stored nothing twice but
 * delivered again, since the earlier attempt may have failed before delivering.
 * A message between accounts of which one is being erased is dropped: it
 * would outlive the erasure.
 */
export class MessageProcessor {
  constructor(
    private readonly conversations: ConversationStore,
    private readonly deliveries: readonly MessageDelivery[],
  ) {}

  async process(message: StoredMessage): Promise<{ messageId: string; outcome: StoreOutcome }> {
    const outcome = await this.conversations.storeOnce(message);
    if (outcome === 'account-erased') {
      logger.info('Message dropped: the sender or the recipient account is erased', {
        messageId: message.messageId,
      });
      return { messageId: message.messageId, outcome };
    }
    if (outcome === 'stored-already') {
      logger.info('Message stored already', { messageId: message.messageId });
    }
    // Every channel gets its chance; the first failure then fails the record.
    const results = await Promise.allSettled(
      this.deliveries.map((delivery) => delivery.deliver(message)),
    );
    const failed = results.find((result) => result.status === 'rejected');
    if (failed) throw failed.reason;
    return { messageId: message.messageId, outcome };
  }
}
