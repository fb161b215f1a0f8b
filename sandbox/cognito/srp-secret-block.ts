// The SECRET_BLOCK of a PASSWORD_VERIFIER challenge: like Cognito's, opaque to
// the client and carrying the server's state from InitiateAuth to
// RespondToAuthChallenge, here sealed with AES-256-GCM under a key of this
// process, so the front keeps no sessions and a forged or altered block does
// not open.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

export interface SrpSession {
  poolId: string;
  /** The name cognito-local gave the user (USER_ID_FOR_SRP); undefined for a user that does not exist. */
  userId: string | undefined;
  /** The client's SRP_A, hex. */
  srpA: string;
  /** The salt and the server's secret b, hex. */
  salt: string;
  b: string;
}

const KEY = randomBytes(32);
const IV_BYTES = 12;
const TAG_BYTES = 16;

export function sealSession(session: SrpSession): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', KEY, iv);
  const sealed = Buffer.concat([cipher.update(JSON.stringify(session), 'utf8'), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), sealed]).toString('base64');
}

/** The session sealed in `block`; undefined when it was not sealed here or was altered. */
export function openSession(block: string): SrpSession | undefined {
  const bytes = Buffer.from(block, 'base64');
  if (bytes.length <= IV_BYTES + TAG_BYTES) return undefined;
  try {
    const decipher = createDecipheriv('aes-256-gcm', KEY, bytes.subarray(0, IV_BYTES));
    decipher.setAuthTag(bytes.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
    const text = Buffer.concat([
      decipher.update(bytes.subarray(IV_BYTES + TAG_BYTES)),
      decipher.final(),
    ]).toString('utf8');
    return JSON.parse(text) as SrpSession;
  } catch {
    return undefined;
  }
}
