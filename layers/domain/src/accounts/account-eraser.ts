import { logger } from '../observability';
import type { ProfileStore } from '../profiles/profile-store';
import type { IdentityDirectory } from './identity-directory';

/** One kind of data to erase. Each step must be safe to run again after a partial run. */
export interface ErasureStep {
  readonly name: string;
  erase(userId: string): Promise<void>;
}

export type ErasureOutcome = 'erased' | 'not-requested';

// What the eraser needs of the features that keep a user's data; each
// feature's own class answers it (ItemStore, MediaErasure, RealtimeOperations).

export interface UserItems {
  deleteAllByOwner(userId: string): Promise<unknown>;
}

export interface UserMedia {
  eraseAllOf(userId: string): Promise<void>;
}

export interface UserConnections {
  disconnectUser(userId: string): Promise<void>;
}

/**
 * Erases an account step by step. Lambda retries a failed asynchronous
 * invocation; because every step is idempotent, a retry simply runs them all again.
 */
export class AccountEraser {
  constructor(
    private readonly profiles: ProfileStore,
    private readonly steps: readonly ErasureStep[],
  ) {}

  async erase(userId: string): Promise<ErasureOutcome> {
    // Erasing is irreversible: only accounts whose owner asked for it, never on a stray event.
    const stored = await this.profiles.get(userId);
    if (stored?.status !== 'deleting') {
      logger.warn('Account deletion was not requested; nothing erased', { userId });
      return 'not-requested';
    }
    for (const step of this.steps) {
      await step.erase(userId);
      logger.info('Erasure step done', { userId, step: step.name });
    }
    return 'erased';
  }
}

/**
 * The erasure of everything the backend keeps about a user. Deleting items
 * from the table also removes them from search (the stream follows deletes).
 * The profile goes last: until then it still says `deleting`, so a retry
 * passes the guard and redoes whatever a failed run left behind.
 */
export function accountErasureSteps(parts: {
  items: UserItems;
  identities: IdentityDirectory;
  profiles: ProfileStore;
  /** The user's media objects (every version) and records. */
  media?: UserMedia;
  /** Devices with their push endpoints, and conversations (messaging/messaging-erasure.ts). */
  messaging?: readonly ErasureStep[];
  /** The user's open WebSocket connections: closed, then their records removed (realtime/). */
  connections?: UserConnections;
  now?: () => Date;
}): ErasureStep[] {
  const now = parts.now ?? (() => new Date());
  return [
    { name: 'items', erase: async (userId) => void (await parts.items.deleteAllByOwner(userId)) },
    ...(parts.media ? [mediaStep(parts.media)] : []),
    ...(parts.messaging ?? []),
    ...(parts.connections ? [connectionsStep(parts.connections)] : []),
    { name: 'identity', erase: (userId) => parts.identities.deleteUser(userId) },
    { name: 'profile', erase: (userId) => parts.profiles.erase(userId, now()) },
  ];
}

function mediaStep(media: UserMedia): ErasureStep {
  return { name: 'media', erase: (userId) => media.eraseAllOf(userId) };
}

function connectionsStep(connections: UserConnections): ErasureStep {
  return { name: 'connections', erase: (userId) => connections.disconnectUser(userId) };
}
