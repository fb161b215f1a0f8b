import { NotFoundError, StaleVersionError } from '../errors';
import type { Caller } from '../http/caller';
import { assertPrecondition } from '../http/etag';
import { noMediaReferences } from '../media-references';
import type { MediaReferences } from '../media-references';
import type { VersionPrecondition } from '../http/etag';
import { withOneRetryOnStaleVersion } from '../retry';
import { applyProfilePatch, newProfile } from './profile';
import type { Profile } from './profile';
import type { ProfileStore } from './profile-store';

export interface ProfileOperationsOptions {
  now?: () => Date;
  /** The avatar must be the caller's own media, once checked (ready); without it none. */
  media?: MediaReferences;
}

/** The profile use cases: `/v1/me`. */
export class ProfileOperations {
  private readonly now: () => Date;
  private readonly media: MediaReferences;

  constructor(
    private readonly store: ProfileStore,
    options: ProfileOperationsOptions = {},
  ) {
    this.now = options.now ?? (() => new Date());
    this.media = options.media ?? noMediaReferences;
  }

  /** The caller's profile, created from the token's claims on first use. */
  async getOrCreate(caller: Caller): Promise<Profile> {
    const stored = await this.store.get(caller.userId);
    if (stored?.status === 'active') return stored.profile;
    if (stored) throw new NotFoundError('This account is being deleted.');
    const profile = newProfile(caller, this.now());
    try {
      await this.store.create(profile);
      return profile;
    } catch (error) {
      // Two first requests raced; the other one created it.
      if (!(error instanceof StaleVersionError)) throw error;
      return this.getOrCreate(caller);
    }
  }

  async update(
    caller: Caller,
    patch: unknown,
    precondition?: VersionPrecondition,
  ): Promise<Profile> {
    return withOneRetryOnStaleVersion(async () => {
      const current = await this.getOrCreate(caller);
      assertPrecondition(precondition, current.version);
      const updated: Profile = {
        ...applyProfilePatch(current, patch),
        updatedAt: this.now().toISOString(),
        version: current.version + 1,
      };
      if (updated.avatarMediaId !== null && updated.avatarMediaId !== current.avatarMediaId) {
        await this.media.assertUsable(caller.userId, [
          { path: 'avatarMediaId', mediaId: updated.avatarMediaId },
        ]);
      }
      await this.store.putIfVersion(updated, current.version);
      return updated;
    }, 'The profile is being changed by another request; retry.');
  }
}
