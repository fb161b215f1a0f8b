import type { ActiveAccounts } from './active-accounts';

export interface RecentlyActiveAccountsOptions {
  /** How long an account found active is taken to stay so without reading its profile again (ACTIVE_ACCOUNT_MEMORY_MS). */
  rememberForMs?: number;
  /** Accounts remembered at most; the longest remembered go first, so memory stays bounded. */
  maxAccounts?: number;
  /** Epoch milliseconds; for tests. */
  now?: () => number;
}

/**
 * How long an API's execution environment takes an account it found active to
 * stay so: the bound, documented in docs/api.md, on how long after
 * `DELETE /v1/me` another environment may still serve the account's token.
 */
export const ACTIVE_ACCOUNT_MEMORY_MS = 1000;

/** Plenty for one execution environment, which serves one request at a time. */
const DEFAULT_MAX_ACCOUNTS = 10_000;

/**
 * The deleted-account gate of a busy API: an account found active is taken
 * to stay active for `rememberForMs` in this execution environment, so a
 * burst of requests from one user reads its profile once instead of once per
 * request. Refusals are never remembered, and `forget` drops an account at
 * once (the environment that marks it for deletion calls it). The price is a
 * bound on staleness: another environment may still let the account's token
 * through for up to `rememberForMs` after the mark. That is the window every
 * request already has between passing the gate and finishing; writes that
 * must not land after the mark check the account themselves (the messages'
 * transactions, `ActiveAccounts.guard`).
 */
export class RecentlyActiveAccounts {
  private readonly activeUntil = new Map<string, number>();
  private readonly maxAccounts: number;
  private readonly rememberForMs: number;
  private readonly now: () => number;

  constructor(
    private readonly accounts: Pick<ActiveAccounts, 'assertActive'>,
    options: RecentlyActiveAccountsOptions = {},
  ) {
    this.rememberForMs = options.rememberForMs ?? ACTIVE_ACCOUNT_MEMORY_MS;
    this.maxAccounts = options.maxAccounts ?? DEFAULT_MAX_ACCOUNTS;
    this.now = options.now ?? Date.now;
  }

  /** Throws what the wrapped check throws, unless the account was found active a moment ago. */
  async assertActive(userId: string): Promise<void> {
    const until = this.activeUntil.get(userId);
    if (until !== undefined && until > this.now()) return;
    this.activeUntil.delete(userId);
    // Counted from before the read: the answer may be that old when it arrives.
    const checkedAt = this.now();
    await this.accounts.assertActive(userId);
    this.remember(userId, checkedAt + this.rememberForMs);
  }

  /** The next request of this account reads its profile again. */
  forget(userId: string): void {
    this.activeUntil.delete(userId);
  }

  private remember(userId: string, until: number): void {
    if (this.activeUntil.size >= this.maxAccounts) {
      const oldest = this.activeUntil.keys().next();
      if (!oldest.done) this.activeUntil.delete(oldest.value);
    }
    this.activeUntil.set(userId, until);
  }
}
