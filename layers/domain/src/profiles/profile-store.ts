import type { AccountStatus, Profile } from './profile';

/** A profile in use, or only the state of an account being (or having been) erased. */
export type StoredProfile =
  { status: 'active'; profile: Profile } | { status: Exclude<AccountStatus, 'active'> };

/** Where profiles live. Conditional writes throw StaleVersionError when the stored version moved on. */
export interface ProfileStore {
  get(userId: string): Promise<StoredProfile | undefined>;
  /** Stores a first profile; StaleVersionError if one exists already. */
  create(profile: Profile): Promise<void>;
  /** Replaces an active profile if it is still at `expectedVersion`. */
  putIfVersion(profile: Profile, expectedVersion: number): Promise<void>;
  /** Marks the account as being deleted (creating the record if needed). */
  markDeleting(userId: string, at: Date): Promise<void>;
  /**
   * Removes the profile's data, leaving a short-lived tombstone so that a
   * token issued before the deletion cannot recreate the profile.
   */
  erase(userId: string, at: Date): Promise<void>;
}
