// PKCE (RFC 7636) as Cognito's hosted sign-in requires it of public clients:
// S256 only, the challenge being the base64url SHA-256 of the verifier.
import { createHash, timingSafeEqual } from 'node:crypto';

/** 43 to 128 unreserved characters (RFC 7636 section 4.1). */
const VERIFIER = /^[A-Za-z0-9\-._~]{43,128}$/;
/** A base64url SHA-256: 43 characters without padding. */
const CHALLENGE = /^[A-Za-z0-9\-_]{43}$/;

export function isS256Challenge(challenge: string): boolean {
  return CHALLENGE.test(challenge);
}

export function s256(verifier: string): string {
  return createHash('sha256').update(verifier, 'ascii').digest('base64url');
}

/** Whether the verifier is well formed and hashes to the challenge the code was issued for. */
export function verifierMatches(verifier: string, challenge: string): boolean {
  if (!VERIFIER.test(verifier)) return false;
  const expected = Buffer.from(challenge);
  const actual = Buffer.from(s256(verifier));
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}
