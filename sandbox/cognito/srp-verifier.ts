// The server's side of Cognito's SRP-6a (USER_SRP_AUTH): the 3072-bit group
// of RFC 5054 with g = 2, k = H(N | g), u = H(A | B),
// x = H(salt | H(poolName | userId | ":" | password)), the session key
// S = (A · v^u)^b, the key HKDF(S, salt = u, "Caldera Derived Key") of 16
// bytes, and the claim HMAC(key, poolName | userId | secretBlock | timestamp).
// Numbers are hashed in Cognito's encoding: the shortest even-length hex of
// the two's complement, with "00" before a leading high bit.
import { createHash, createHmac, hkdfSync, randomBytes, timingSafeEqual } from 'node:crypto';
// The group and the number encoding are the client's: they are checked against
// Cognito's own SDK (tests/unit/client/srp-claim.test.ts). The server's steps are its own.
import { N, g, modPow, paddedHex as cognitoHex } from '../../client/src/srp-math';

const INFO = Buffer.from('Caldera Derived Key', 'utf8');

function hashOfHex(hex: string): bigint {
  return BigInt(`0x${createHash('sha256').update(Buffer.from(hex, 'hex')).digest('hex')}`);
}

const k = hashOfHex(cognitoHex(N) + cognitoHex(g));

export interface SrpUser {
  poolName: string;
  userId: string;
  password: string;
}

function verifierOf(user: SrpUser, salt: bigint): { x: bigint; v: bigint } {
  const identity = createHash('sha256')
    .update(`${user.poolName}${user.userId}:${user.password}`, 'utf8')
    .digest('hex');
  const x = hashOfHex(cognitoHex(salt) + identity);
  return { x, v: modPow(g, x, N) };
}

/** The client's SRP_A as a number; undefined when it is not hex or A mod N is 0 (no session key then). */
export function clientPublicValue(srpA: string): bigint | undefined {
  if (!/^[0-9a-fA-F]{1,2048}$/.test(srpA)) return undefined;
  const A = BigInt(`0x${srpA}`);
  return A % N === 0n ? undefined : A;
}

export interface ServerSecret {
  salt: bigint;
  b: bigint;
}

/** A fresh salt and secret b for one sign-in. */
export function newServerSecret(): ServerSecret {
  return {
    salt: BigInt(`0x${randomBytes(16).toString('hex')}`),
    b: BigInt(`0x${randomBytes(128).toString('hex')}`) % N,
  };
}

/** B = k·v + g^b (mod N), what the challenge sends as SRP_B. */
export function serverPublicValue(user: SrpUser, secret: ServerSecret): bigint {
  return publicValueOf(verifierOf(user, secret.salt).v, secret.b);
}

function publicValueOf(v: bigint, b: bigint): bigint {
  return (k * v + modPow(g, b, N)) % N;
}

/** A B the same size as a real one, for a user that does not exist. */
export function decoyPublicValue(): bigint {
  return modPow(g, BigInt(`0x${randomBytes(128).toString('hex')}`), N);
}

export interface PasswordClaim {
  A: bigint;
  secretBlock: string;
  timestamp: string;
  signature: string;
}

/** Whether the claim's signature is the one only the password's owner can make. */
export function claimIsValid(user: SrpUser, secret: ServerSecret, claim: PasswordClaim): boolean {
  const { v } = verifierOf(user, secret.salt);
  const B = publicValueOf(v, secret.b);
  const u = hashOfHex(cognitoHex(claim.A) + cognitoHex(B));
  if (u === 0n) return false;
  const S = modPow(claim.A * modPow(v, u, N), secret.b, N);
  const key = Buffer.from(
    hkdfSync(
      'sha256',
      Buffer.from(cognitoHex(S), 'hex'),
      Buffer.from(cognitoHex(u), 'hex'),
      INFO,
      16,
    ),
  );
  const expected = createHmac('sha256', key)
    .update(Buffer.from(user.poolName, 'utf8'))
    .update(Buffer.from(user.userId, 'utf8'))
    .update(Buffer.from(claim.secretBlock, 'base64'))
    .update(Buffer.from(claim.timestamp, 'utf8'))
    .digest();
  const given = Buffer.from(claim.signature, 'base64');
  return given.length === expected.length && timingSafeEqual(given, expected);
}
