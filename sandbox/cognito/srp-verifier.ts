// The server's side of Cognito's SRP-6a (USER_SRP_AUTH): the 3072-bit group
// of RFC 5054 with g = 2, k = H(N | g), u = H(A | B),
// x = H(salt | H(poolName | userId | ":" | password)), the session key
// S = (A · v^u)^b, the key HKDF(S, salt = u, "Caldera Derived Key") of 16
// bytes, and the claim HMAC(key, poolName | userId | secretBlock | timestamp).
// Numbers are hashed in Cognito's encoding: the shortest even-length hex of
// the two's complement, with "00" before a leading high bit.
import { createHash, createHmac, hkdfSync, randomBytes, timingSafeEqual } from 'node:crypto';

const N = BigInt(
  '0xFFFFFFFFFFFFFFFFC90FDAA22168C234C4C6628B80DC1CD129024E088A67CC74020BBEA63B139B22514A08798E3404DD' +
    'EF9519B3CD3A431B302B0A6DF25F14374FE1356D6D51C245E485B576625E7EC6F44C42E9A637ED6B0BFF5CB6F406B7ED' +
    'EE386BFB5A899FA5AE9F24117C4B1FE649286651ECE45B3DC2007CB8A163BF0598DA48361C55D39A69163FA8FD24CF5F' +
    '83655D23DCA3AD961C62F356208552BB9ED529077096966D670C354E4ABC9804F1746C08CA18217C32905E462E36CE3B' +
    'E39E772C180E86039B2783A2EC07A28FB5C55DF06F4C52C9DE2BCBF6955817183995497CEA956AE515D2261898FA0510' +
    '15728E5A8AAAC42DAD33170D04507A33A85521ABDF1CBA64ECFB850458DBEF0A8AEA71575D060C7DB3970F85A6E1E4C7' +
    'ABF5AE8CDB0933D71E8C94E04A25619DCEE3D2261AD2EE6BF12FFA06D98A0864D87602733EC86A64521F2B18177B200C' +
    'BBE117577A615D6C770988C0BAD946E208E24FA074E5AB3143DB5BFCE0FD108E4B82D120A93AD2CAFFFFFFFFFFFFFFFF',
);
const g = 2n;
const INFO = Buffer.from('Caldera Derived Key', 'utf8');

/** Cognito's encoding of a non-negative number for hashing. */
export function cognitoHex(value: bigint): string {
  const hex = value.toString(16);
  const even = hex.length % 2 === 0 ? hex : `0${hex}`;
  return /^[89a-f]/.test(even) ? `00${even}` : even;
}

function hashOfHex(hex: string): bigint {
  return BigInt(`0x${createHash('sha256').update(Buffer.from(hex, 'hex')).digest('hex')}`);
}

function modPow(base: bigint, exponent: bigint, modulus: bigint): bigint {
  let result = 1n;
  let square = ((base % modulus) + modulus) % modulus;
  for (let rest = exponent; rest > 0n; rest >>= 1n) {
    if (rest & 1n) result = (result * square) % modulus;
    square = (square * square) % modulus;
  }
  return result;
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
  const { v } = verifierOf(user, secret.salt);
  return (k * v + modPow(g, secret.b, N)) % N;
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
  const B = serverPublicValue(user, secret);
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
