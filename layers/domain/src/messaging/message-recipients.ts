import { NotFoundError } from '../errors';
import type { ProfileStore } from '../profiles/profile-store';

/**
 * Who can be sent a message: a user exists for messaging once their profile
 * does (the app's first GET /v1/me) and until they delete their account.
 */
export class MessageRecipients {
  constructor(private readonly profiles: Pick<ProfileStore, 'get'>) {}

  /** Throws NotFoundError unless the user has an active profile. */
  async assertActive(userId: string): Promise<void> {
    const recipient = await this.profiles.get(userId);
    if (recipient?.status !== 'active') throw new NotFoundError('No such user.');
  }
}
