import { logger } from '../observability';
import type { ConversationStore, StoreOutcome } from './conversation-store';
import { conversationIdOf, type StoredMessage } from './message';
import type { MessageDelivery } from './message-delivery';

/**
 * What the queue worker does with the messages of a batch: store each once,
 * then hand it to every delivery channel. A redelivered message is stored
 * nothing twice but delivered again, since the earlier attempt may have
 * failed before delivering. A message between accounts of which one is being
 * erased is dropped: it would outlive the erasure.
 */
export class MessageProcessor {
  constructor(
    private readonly conversations: ConversationStore,
    private readonly deliveries: readonly MessageDelivery[],
  ) {}

  /**
   * Stores a batch: each conversation's messages in one write, conversations
   * in parallel. The outcome per message id; a conversation whose write fails
   * fails its own messages only.
   */
  storeBatch(messages: readonly StoredMessage[]): Map<string, Promise<StoreOutcome>> {
    const byConversation = new Map<string, Map<string, StoredMessage>>();
    for (const message of messages) {
      const conversation = conversationIdOf(message.from, message.to);
      const group = byConversation.get(conversation) ?? new Map<string, StoredMessage>();
      // A message the queue delivered twice in one batch is written once.
      group.set(message.messageId, message);
      byConversation.set(conversation, group);
    }
    const outcomes = new Map<string, Promise<StoreOutcome>>();
    for (const group of byConversation.values()) {
      const unique = [...group.values()];
      const stored = this.conversations.storeAllOnce(unique);
      unique.forEach((message, index) => {
        const outcome = stored.then((all) => all[index] as StoreOutcome);
        // The message's record awaits it: a failure is that record's, not an unhandled rejection.
        outcome.catch(() => undefined);
        outcomes.set(message.messageId, outcome);
      });
    }
    return outcomes;
  }

  /** After the store: every channel, unless the message was dropped. */
  async deliver(
    message: StoredMessage,
    outcome: StoreOutcome,
  ): Promise<{ messageId: string; outcome: StoreOutcome }> {
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
      this.deliveries.map((delivery) =>
        delivery.deliver(message, { newlyStored: outcome === 'stored' }),
      ),
    );
    const failed = results.find((result) => result.status === 'rejected');
    if (failed) throw failed.reason;
    return { messageId: message.messageId, outcome };
  }
}
