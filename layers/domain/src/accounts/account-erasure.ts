import { logger } from '../observability';
import type { ProfileStore } from '../profiles/profile-store';
import type { AccountErasureRequest } from './account-erasure-request';
import type { IdentityDirectory } from './identity-directory';

// What erasing needs of the features that keep a user's data; each feature's
// own class answers it (ItemStore, MediaErasure, DeviceOperations,
// ConversationStore, RealtimeOperations). Every call is bounded (a page) and
// safe to repeat: the state machine retries a failed step and loops a paged
// one until its store is empty.

export interface UserItems {
  /** Deletes up to `limit` of the owner's items; returns how many. */
  deleteOwnedPage(ownerId: string, limit: number): Promise<number>;
}

export interface UserMedia {
  /** Erases up to `limit` objects or records; true while some may remain. */
  erasePageOf(ownerId: string, limit: number): Promise<boolean>;
}

export interface UserDevices {
  removeAll(userId: string): Promise<void>;
}

export interface UserConversations {
  /** Up to `limit` peers from the user's own conversation lines. */
  conversationPeers(userId: string, limit: number): Promise<string[]>;
  /** One page of a conversation; `after` where the next page starts, absent once it is done. */
  eraseConversationPage(
    userId: string,
    peerId: string,
    page: { limit: number; after?: string },
  ): Promise<{ after?: string }>;
}

export interface UserConnections {
  disconnectUser(userId: string): Promise<void>;
}

export interface ErasureParts {
  profiles: Pick<ProfileStore, 'get' | 'erase'>;
  items: UserItems;
  media: UserMedia;
  devices: UserDevices;
  conversations: UserConversations;
  connections: UserConnections;
  identities: IdentityDirectory;
  now?: () => Date;
}

/** What a step answers; the state machine's Choice states read `more`. */
export type ErasureResult =
  | { requested: boolean }
  | { more: boolean }
  | { peerIds: string[]; more: boolean }
  | { more: boolean; after?: string }
  | { done: true };

/** Bounds one Task: a page this size takes well under a second per store. */
export const ERASURE_PAGE_SIZE = 200;
/** Conversations erased side by side by one Map state. */
export const CONVERSATIONS_PER_PAGE = 20;

/** A step invoked for an account whose owner never asked for erasure. */
export class ErasureNotRequestedError extends Error {
  override readonly name = 'ErasureNotRequested';
}

/**
 * One step of an account's erasure, as the state machine calls it. Every step
 * but `check` refuses an account that is not `deleting` (or already erased):
 * erasing is irreversible, and a stray invocation must erase nothing.
 */
export class AccountErasure {
  private readonly now: () => Date;

  constructor(
    private readonly parts: ErasureParts,
    private readonly pageSize = ERASURE_PAGE_SIZE,
  ) {
    this.now = parts.now ?? (() => new Date());
  }

  async run(request: AccountErasureRequest): Promise<ErasureResult> {
    const status = (await this.parts.profiles.get(request.userId))?.status;
    if (request.action === 'check') return { requested: status === 'deleting' };
    if (status !== 'deleting' && status !== 'deleted') {
      throw new ErasureNotRequestedError(`Account ${request.userId} is not being deleted`);
    }
    const result = await this.step(request);
    logger.info('Erasure step done', { userId: request.userId, step: request.action, result });
    return result;
  }

  private async step(request: AccountErasureRequest): Promise<ErasureResult> {
    const { userId } = request;
    const { parts, pageSize } = this;
    switch (request.action) {
      case 'items':
        return { more: (await parts.items.deleteOwnedPage(userId, pageSize)) === pageSize };
      case 'media':
        return { more: await parts.media.erasePageOf(userId, pageSize) };
      case 'conversations': {
        const peerIds = await parts.conversations.conversationPeers(userId, CONVERSATIONS_PER_PAGE);
        return { peerIds, more: peerIds.length === CONVERSATIONS_PER_PAGE };
      }
      case 'conversation': {
        const page = { limit: pageSize, ...(request.after && { after: request.after }) };
        const { after } = await parts.conversations.eraseConversationPage(
          userId,
          request.peerId,
          page,
        );
        return after === undefined ? { more: false } : { more: true, after };
      }
      case 'devices':
        await parts.devices.removeAll(userId);
        return { done: true };
      case 'connections':
        await parts.connections.disconnectUser(userId);
        return { done: true };
      case 'identity':
        await parts.identities.deleteUser(userId);
        return { done: true };
      case 'profile':
        await parts.profiles.erase(userId, this.now());
        return { done: true };
      case 'check':
        return { requested: true };
    }
  }
}
