// The sessions of Cognito's MFA_SETUP challenge: a sign-in whose tokens are
// held back until the user enrols a factor. Each step of the enrolment answers
// with a new session and the one it was given is spent, as Cognito's are; a
// session lasts three minutes, Cognito's lifetime for authentication sessions.
import { randomBytes } from 'node:crypto';

/** How far the user got: signed in with the password, app associated, first code verified. */
export type EnrolmentStage = 'challenged' | 'associated' | 'verified';

export interface HeldSignIn {
  /** The app client the sign-in came through: only it may finish the challenge. */
  clientId: string;
  /** The sign-in's tokens, given to the user once the factor is enrolled. */
  authenticationResult: { AccessToken: string } & Record<string, unknown>;
  stage: EnrolmentStage;
}

export type SessionRefusal = 'unknown' | 'expired';

export interface MfaSetupSessions {
  open(held: HeldSignIn): string;
  /** The sign-in behind `session`; the session stays valid (a wrong code may be tried again). */
  find(session: unknown): HeldSignIn | SessionRefusal;
  /** Spends `session` and opens the next one for the same sign-in. */
  advance(session: string, held: HeldSignIn): string;
  /** Spends `session`: the challenge is answered. */
  close(session: string): void;
}

export const MFA_SETUP_SESSION_MS = 3 * 60_000;

export function createMfaSetupSessions(
  options: { lifetimeMs?: number; now?: () => number } = {},
): MfaSetupSessions {
  const { lifetimeMs = MFA_SETUP_SESSION_MS, now = Date.now } = options;
  const sessions = new Map<string, { held: HeldSignIn; expiresAt: number }>();
  // Expired sessions stay one more lifetime, to be refused as expired rather than unknown.
  const forgetStale = () => {
    for (const [id, { expiresAt }] of sessions) {
      if (expiresAt + lifetimeMs < now()) sessions.delete(id);
    }
  };
  const open = (held: HeldSignIn): string => {
    forgetStale();
    const id = randomBytes(48).toString('base64url');
    sessions.set(id, { held, expiresAt: now() + lifetimeMs });
    return id;
  };
  return {
    open,
    find(session) {
      const entry = typeof session === 'string' ? sessions.get(session) : undefined;
      if (!entry) return 'unknown';
      return entry.expiresAt < now() ? 'expired' : entry.held;
    },
    advance(session, held) {
      sessions.delete(session);
      return open(held);
    },
    close: (session) => void sessions.delete(session),
  };
}
