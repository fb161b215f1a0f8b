import { logger } from '../observability';
import type { ConversationStore } from './conversation-store';
import type { StoredMessage } from './message';
import type { MessageDelivery } from './message-delivery';

/**
 * What the queue worker does with one message: store it once, then hand it
 * to every delivery channel. A redelivered message is stored nothing twice but
 * delivered again, since the earlier attempt may have failed before delivering.
 */
export class MessageProcessor {
  constructor(
    private readonly conversations: ConversationStore,
    private readonly deliveries: readonly MessageDelivery[],
  ) {}

  async process(message: StoredMessage): Promise<{ messageId: string; stored: boolean }> {
    const stored = await this.conversations.storeOnce(message);
    if (!stored) logger.info('Message stored already', { messageId: message.messageId });
    // Every channel gets its chance; the first failure then fails the record.
    const results = await Promise.allSettled(
      this.deliveries.map((delivery) => delivery.deliver(message)),
    );
    const failed = results.find((result) => result.status === 'rejected');
    if (failed) throw failed.reason;
    return { messageId: message.messageId, stored };
  }
}
