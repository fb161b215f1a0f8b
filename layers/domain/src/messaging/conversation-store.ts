import type { PageKey } from '../pagination/cursor';
import type { StoredMessage } from './message';

/** One line of a user's conversation list. */
export interface ConversationSummary {
  peerId: string;
  lastMessage: StoredMessage;
  updatedAt: string;
  unread: number;
  /** The peer's account was erased: their messages are gone, the line stays as a placeholder. */
  peerDeleted?: true;
}

export interface Page<T> {
  items: T[];
  /** Where the next page starts; absent on the last page. */
  nextKey?: PageKey;
}

export type StoreOutcome = 'stored' | 'stored-already' | 'account-erased';

/** Messages, stored once per conversation, and each user's list of conversations. */
export interface ConversationStore {
  /**
   * Stores the message in its conversation and updates both users' lists
   * (one more unread for the recipient), all at once and only the first
   * time, and only while both accounts are active: `stored-already` for a
   * redelivered message, `account-erased` when the sender or the recipient
   * is being or has been erased (nothing is written then).
   */
  storeOnce(message: StoredMessage): Promise<StoreOutcome>;
  /**
   * `storeOnce` for several messages of one conversation (both directions),
   * with the same outcome per message, in the order given: a queue batch
   * often holds a burst of one conversation, and one write for all of it
   * keeps the two lines from being contended message by message.
   */
  storeAllOnce(messages: readonly StoredMessage[]): Promise<StoreOutcome[]>;
  /** The user's conversation with the peer, or undefined if they never wrote to each other. */
  summary(userId: string, peerId: string): Promise<ConversationSummary | undefined>;
  /** Most recently active first. */
  listConversations(
    userId: string,
    page: { limit: number; after?: PageKey },
  ): Promise<Page<ConversationSummary>>;
  /** Newest first. */
  listMessages(
    userId: string,
    peerId: string,
    page: { limit: number; after?: PageKey },
  ): Promise<Page<StoredMessage>>;
  markRead(userId: string, peerId: string): Promise<void>;
  /** Account erasure: up to `limit` peers of the user's own conversation lines. */
  conversationPeers(userId: string, limit: number): Promise<string[]>;
  /**
   * Account erasure of one conversation, a page at a time: the user's messages
   * of the page are deleted; after the last page the peer's line becomes a
   * placeholder (`peerDeleted`, the user's last message without its text) and
   * the user's own line goes. `after` is where the next page starts, absent
   * once the conversation is done. Safe to run again.
   */
  eraseConversationPage(
    userId: string,
    peerId: string,
    page: { limit: number; after?: string },
  ): Promise<{ after?: string }>;
}
