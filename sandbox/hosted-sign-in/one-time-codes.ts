// Authorization codes: random, short-lived and good for one exchange only. A
// code is gone once presented, whether the exchange then succeeds or not, so a
// replayed or guessed-at code never yields tokens.
import { randomBytes } from 'node:crypto';

export interface OneTimeCodes<T> {
  issue(grant: T): string;
  /** The grant of a live code, removing it; undefined for an unknown, used or expired code. */
  redeem(code: string): T | undefined;
}

/** Cognito's authorization codes live five minutes. */
const CODE_LIFETIME_MS = 5 * 60 * 1000;

export function createOneTimeCodes<T>(now: () => number = Date.now): OneTimeCodes<T> {
  const grants = new Map<string, { grant: T; expiresAt: number }>();
  const dropExpired = () => {
    for (const [code, { expiresAt }] of grants) if (expiresAt <= now()) grants.delete(code);
  };
  return {
    issue(grant) {
      dropExpired();
      const code = randomBytes(24).toString('base64url');
      grants.set(code, { grant, expiresAt: now() + CODE_LIFETIME_MS });
      return code;
    },
    redeem(code) {
      const entry = grants.get(code);
      grants.delete(code);
      return entry && entry.expiresAt > now() ? entry.grant : undefined;
    },
  };
}
