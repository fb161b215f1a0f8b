import { ulid } from 'ulid';
import { NotFoundError, ValidationError } from '../errors';
import type { CursorCodec } from '../pagination/cursor';
import type { ConversationSummary } from './conversation-store';
import type { ConversationStore } from './conversation-store';
import { parseSendMessage, type StoredMessage } from './message';
import type { MessageQueue } from './message-queue';
import type { MessageRecipients } from './message-recipients';

export interface Listing<T> {
  items: T[];
  nextCursor: string | null;
}

export interface QueuedReceipt {
  messageId: string;
  status: 'queued';
}

interface PageRequest {
  limit: number;
  cursor?: string | undefined;
}

/** Sending (through the queue) and reading conversations. */
export class MessageOperations {
  constructor(
    private readonly recipients: Pick<MessageRecipients, 'assertActive'>,
    private readonly queue: MessageQueue,
    private readonly store: ConversationStore,
    private readonly cursors: CursorCodec,
    private readonly now: () => Date = () => new Date(),
    private readonly newId: () => string = ulid,
  ) {}

  /** Queues a message to a user who exists; the worker stores and delivers it. */
  async send(from: string, input: unknown): Promise<QueuedReceipt> {
    const { to, text } = parseSendMessage(input);
    if (to === from) {
      throw new ValidationError([
        { path: 'to', message: 'You cannot send a message to yourself.' },
      ]);
    }
    await this.recipients.assertActive(to);
    const message: StoredMessage = {
      messageId: this.newId(),
      from,
      to,
      text,
      sentAt: this.now().toISOString(),
    };
    await this.queue.enqueue(message);
    return { messageId: message.messageId, status: 'queued' };
  }

  async listConversations(
    userId: string,
    page: PageRequest,
  ): Promise<Listing<ConversationSummary>> {
    const scope = { userId, listing: 'conversations' };
    const after =
      page.cursor === undefined ? undefined : await this.cursors.decode(page.cursor, scope);
    const { items, nextKey } = await this.store.listConversations(userId, {
      limit: page.limit,
      after,
    });
    return { items, nextCursor: nextKey ? await this.cursors.encode(nextKey, scope) : null };
  }

  /**
   * The caller's messages with the peer, newest first; reading marks the
   * conversation read. A conversation the caller is not part of cannot even
   * be named (its key is the caller's id and the peer's), and one that does
   * not exist is a 404.
   */
  async listMessages(
    userId: string,
    peerId: string,
    page: PageRequest,
  ): Promise<Listing<StoredMessage>> {
    const scope = { userId, listing: `messages:${peerId}` };
    const after =
      page.cursor === undefined ? undefined : await this.cursors.decode(page.cursor, scope);
    const summary = await this.store.summary(userId, peerId);
    if (!summary) throw new NotFoundError('No conversation with this user.');
    const { items, nextKey } = await this.store.listMessages(userId, peerId, {
      limit: page.limit,
      after,
    });
    if (summary.unread > 0) await this.store.markRead(userId, peerId);
    return { items, nextCursor: nextKey ? await this.cursors.encode(nextKey, scope) : null };
  }
}
