import type { PageKey } from '../pagination/cursor';
import type { StoredMessage } from './message';

/** One line of a user's conversation list. */
export interface ConversationSummary {
  peerId: string;
  lastMessage: StoredMessage;
  updatedAt: string;
  unread: number;
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
  /** Every conversation of the user, from both users' lists, with all its messages. Safe to run again. */
  eraseConversationsOf(userId: string): Promise<void>;
}
