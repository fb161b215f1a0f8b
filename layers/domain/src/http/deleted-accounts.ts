import type { Router } from '@aws-lambda-powertools/event-handler/http';
import { callerOf, isSignedByIdentity } from './caller';

/**
 * What the guard asks of accounts: ActiveAccounts answers it with one profile
 * read, RecentlyActiveAccounts from an active answer of the last moment.
 */
export interface AccountGate {
  assertActive(userId: string): Promise<void>;
}

/** A route a deleted account may still call: `DELETE /v1/me` asks again and stays harmless. */
const STILL_ALLOWED = new Set(['DELETE /v1/me']);

/**
 * Refuses every route of the router (403 `account-deleted`) to a token whose
 * account is being or has been erased. Tokens stay valid until they expire,
 * and without this an erased user would still list (empty) data or race the
 * eraser with new writes.
 */
export function refuseDeletedAccounts(router: Router, accounts: AccountGate): void {
  router.use(async ({ reqCtx, next }) => {
    const { httpMethod, resource } = reqCtx.event as { httpMethod?: string; resource?: string };
    // A request signed by an identity has no account to check: such routes serve only what anyone may read.
    const exempt =
      STILL_ALLOWED.has(`${httpMethod} ${resource}`) || isSignedByIdentity(reqCtx.event);
    if (!exempt) {
      await accounts.assertActive(callerOf(reqCtx.event).userId);
    }
    await next();
  });
}
