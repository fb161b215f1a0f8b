// What the hosted sign-in remembers between requests: authorization codes
// waiting for their exchange, and refresh tokens with the sign-in they renew.
import { randomBytes } from 'node:crypto';
import type { HostedSignInClient } from './app-clients';
import type { PoolUser } from './federated-users';
import { createOneTimeCodes, type OneTimeCodes } from './one-time-codes';

export interface SignedInSession {
  client: HostedSignInClient;
  user: PoolUser;
  scopes: string[];
  authTime: number;
  nonce?: string;
}

export interface CodeGrant extends SignedInSession {
  redirectUri: string;
  codeChallenge: string;
}

export interface SignInState {
  codes: OneTimeCodes<CodeGrant>;
  /** A new refresh token for the session. */
  keepSession(session: SignedInSession): string;
  /** The session of a live refresh token of this client. */
  sessionOf(refreshToken: string, clientId: string): SignedInSession | undefined;
}

const SECONDS = { seconds: 1, minutes: 60, hours: 3600, days: 86400 } as const;

function refreshLifetimeMs(client: HostedSignInClient): number {
  const { refreshTokenValidity = 30, tokenValidityUnits } = client.spec;
  return refreshTokenValidity * SECONDS[tokenValidityUnits?.RefreshToken ?? 'days'] * 1000;
}

export function createSignInState(now: () => number = Date.now): SignInState {
  const sessions = new Map<string, SignedInSession & { expiresAt: number }>();
  return {
    codes: createOneTimeCodes<CodeGrant>(now),
    keepSession(session) {
      const token = randomBytes(48).toString('base64url');
      sessions.set(token, { ...session, expiresAt: now() + refreshLifetimeMs(session.client) });
      return token;
    },
    sessionOf(refreshToken, clientId) {
      const session = sessions.get(refreshToken);
      if (!session || session.expiresAt <= now() || session.client.clientId !== clientId) {
        return undefined;
      }
      return session;
    },
  };
}
