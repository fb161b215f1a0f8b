import { AccountDeletedError } from '../errors';
import type { ProfileStore } from '../profiles/profile-store';

/**
 * Refuses to create anything for an account that is being, or has been,
 * erased. Its ID tokens stay valid until they expire, and without this check
 * a write racing the eraser, or coming after it, would leave data behind
 * that no account owns.
 */
export class ActiveAccounts {
  constructor(private readonly profiles: Pick<ProfileStore, 'get'>) {}

  async isActive(userId: string): Promise<boolean> {
    const stored = await this.profiles.get(userId);
    // No profile yet is an account that has not opened the app: it is active.
    return stored === undefined || stored.status === 'active';
  }

  async assertActive(userId: string): Promise<void> {
    if (!(await this.isActive(userId))) {
      throw new AccountDeletedError('This account is being or has been deleted.');
    }
  }

  /** `operation`, run only for a caller whose account is active. */
  guard<Request extends { userId: string }, Result>(
    operation: (request: Request) => Promise<Result>,
  ): (request: Request) => Promise<Result> {
    return guardedBy(this, operation);
  }
}

/** `operation`, run only once `accounts` finds the caller's account active. */
export function guardedBy<Request extends { userId: string }, Result>(
  accounts: Pick<ActiveAccounts, 'assertActive'>,
  operation: (request: Request) => Promise<Result>,
): (request: Request) => Promise<Result> {
  return async (request) => {
    await accounts.assertActive(request.userId);
    return operation(request);
  };
}
