// The client's side of Cognito's USER_SRP_AUTH on WebCrypto (SHA-256, HMAC,
// HKDF) and BigInt, so it runs in browsers, Node and React Native with a
// WebCrypto polyfill: A = g^a for InitiateAuth's SRP_A, then from the
// PASSWORD_VERIFIER challenge the session key
// S = (B − k·g^x)^(a + u·x) with k = H(N | g), u = H(A | B),
// x = H(salt | H(poolName | userId | ":" | password)), the 16-byte key
// HKDF(S, salt = u, "Caldera Derived Key"), and the claim's signature
// HMAC(key, poolName | userId | secretBlock | timestamp).
import {
  N,
  base64ToBytes,
  bytesToBase64,
  bytesToBigInt,
  g,
  hexToBytes,
  modPow,
  paddedHex,
} from './srp-math';

export type RandomBytes = (length: number) => Uint8Array;

const encoder = new TextEncoder();

function subtle(): typeof globalThis.crypto.subtle {
  const found = globalThis.crypto?.subtle;
  if (!found) throw new Error('USER_SRP_AUTH needs WebCrypto (crypto.subtle): add a polyfill');
  return found;
}

const webRandomBytes: RandomBytes = (length) => crypto.getRandomValues(new Uint8Array(length));

async function sha256(bytes: Uint8Array<ArrayBuffer>): Promise<Uint8Array<ArrayBuffer>> {
  return new Uint8Array(await subtle().digest('SHA-256', bytes));
}

async function hashOfHex(hex: string): Promise<bigint> {
  return bytesToBigInt(await sha256(hexToBytes(hex)));
}

function concat(...parts: Uint8Array[]): Uint8Array<ArrayBuffer> {
  const joined = new Uint8Array(parts.reduce((total, part) => total + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    joined.set(part, offset);
    offset += part.length;
  }
  return joined;
}

export interface SrpSecret {
  a: bigint;
  A: bigint;
}

/** A fresh secret a (128 random bytes, below N) and A = g^a, which N (a prime) never divides. */
export function newSrpSecret(randomBytes: RandomBytes = webRandomBytes): SrpSecret {
  for (;;) {
    const a = bytesToBigInt(randomBytes(128));
    if (a !== 0n) return { a, A: modPow(g, a, N) };
  }
}

export interface PasswordVerifier {
  poolName: string;
  /** USER_ID_FOR_SRP of the challenge. */
  userId: string;
  password: string;
  /** SALT and SRP_B of the challenge, hex. */
  salt: string;
  srpB: string;
}

/** The 16-byte key of the session, which only the password's owner and the server can derive. */
export async function passwordAuthenticationKey(
  secret: SrpSecret,
  verifier: PasswordVerifier,
): Promise<Uint8Array<ArrayBuffer>> {
  const B = BigInt(`0x${verifier.srpB}`);
  if (B % N === 0n) throw new Error('Cognito sent an invalid SRP_B');
  const u = await hashOfHex(paddedHex(secret.A) + paddedHex(B));
  if (u === 0n) throw new Error('Cognito sent an invalid SRP_B');
  const k = await hashOfHex(paddedHex(N) + paddedHex(g));
  const identity = await sha256(
    encoder.encode(`${verifier.poolName}${verifier.userId}:${verifier.password}`),
  );
  const salt = hexToBytes(paddedHex(BigInt(`0x${verifier.salt}`)));
  const x = bytesToBigInt(await sha256(concat(salt, identity)));
  const S = modPow(B - k * modPow(g, x, N), secret.a + u * x, N);
  const material = await subtle().importKey('raw', hexToBytes(paddedHex(S)), 'HKDF', false, [
    'deriveBits',
  ]);
  const bits = await subtle().deriveBits(
    {
      name: 'HKDF',
      hash: 'SHA-256',
      salt: hexToBytes(paddedHex(u)),
      info: encoder.encode('Caldera Derived Key'),
    },
    material,
    128,
  );
  return new Uint8Array(bits);
}

export interface ClaimInput {
  poolName: string;
  userId: string;
  secretBlock: string;
  timestamp: string;
}

/** PASSWORD_CLAIM_SIGNATURE, base64. */
export async function claimSignature(
  key: Uint8Array<ArrayBuffer>,
  claim: ClaimInput,
): Promise<string> {
  const hmacKey = await subtle().importKey('raw', key, { name: 'HMAC', hash: 'SHA-256' }, false, [
    'sign',
  ]);
  const message = concat(
    encoder.encode(claim.poolName),
    encoder.encode(claim.userId),
    base64ToBytes(claim.secretBlock),
    encoder.encode(claim.timestamp),
  );
  return bytesToBase64(new Uint8Array(await subtle().sign('HMAC', hmacKey, message)));
}

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** TIMESTAMP as Cognito wants it, "Tue Dec 1 09:05:07 UTC 2026": English names whatever the locale, the day unpadded. */
export function cognitoTimestamp(date: Date): string {
  const two = (value: number) => String(value).padStart(2, '0');
  const time = `${two(date.getUTCHours())}:${two(date.getUTCMinutes())}:${two(date.getUTCSeconds())}`;
  return `${WEEKDAYS[date.getUTCDay()]} ${MONTHS[date.getUTCMonth()]} ${date.getUTCDate()} ${time} UTC ${date.getUTCFullYear()}`;
}
