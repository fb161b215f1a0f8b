import type { ProfileStore } from '../profiles/profile-store';
import type { AccountDeletionRequests } from './account-deletion-requests';

/** DELETE /v1/me: mark the account, then start its erasure workflow. */
export class AccountDeletion {
  constructor(
    private readonly profiles: ProfileStore,
    private readonly requests: AccountDeletionRequests,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Safe to repeat: the account stays marked and the workflow starts once per account. */
  async request(userId: string): Promise<void> {
    await this.profiles.markDeleting(userId, this.now());
    await this.requests.request(userId);
  }
}
