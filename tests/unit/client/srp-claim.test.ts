// The client's SRP values against amazon-cognito-identity-js, Cognito's own
// JavaScript SDK, driven with the same secret: a mistake the client shared
// with the sandbox's verifier would still show here.
import { createHmac } from 'node:crypto';
import { createRequire } from 'node:module';
import { beforeAll, jest } from '@jest/globals';
import {
  claimSignature,
  cognitoTimestamp,
  newSrpSecret,
  passwordAuthenticationKey,
} from '../../../client/src/srp-claim';

interface SdkBigInteger {
  toString(radix: number): string;
}
interface SdkHelper {
  smallAValue: SdkBigInteger;
  largeAValue: SdkBigInteger | undefined;
  getLargeAValue(callback: (error: unknown, A: SdkBigInteger) => void): void;
  getPasswordAuthenticationKey(
    userId: string,
    password: string,
    B: SdkBigInteger,
    salt: SdkBigInteger,
    callback: (error: unknown, key: Uint8Array) => void,
  ): void;
}

// The SDK's big numbers (jsbn) are slow under jest's module sandbox on a busy machine.
jest.setTimeout(120_000);

const require = createRequire(import.meta.url);
const { default: AuthenticationHelper } =
  require('amazon-cognito-identity-js/lib/AuthenticationHelper') as {
    default: new (poolName: string) => SdkHelper;
  };
const { default: BigInteger } = require('amazon-cognito-identity-js/lib/BigInteger') as {
  default: new (hex: string, radix: number) => SdkBigInteger;
};
const { default: DateHelper } = require('amazon-cognito-identity-js/lib/DateHelper') as {
  default: new () => { getNowString(): string };
};

/** The same "random" bytes on every run. */
const fixedBytes = (length: number) =>
  Uint8Array.from({ length }, (_unused, index) => (index * 151 + 7) % 256);

/** The SDK's helper with the secret a the client drew. */
function sdkHelperWith(poolName: string, a: bigint): SdkHelper {
  const helper = new AuthenticationHelper(poolName);
  helper.smallAValue = new BigInteger(a.toString(16), 16);
  helper.largeAValue = undefined;
  return helper;
}

function sdkLargeA(helper: SdkHelper): string {
  let A = '';
  helper.getLargeAValue((error, value) => {
    if (error) throw error;
    A = value.toString(16);
  });
  return A;
}

function sdkKey(helper: SdkHelper, verifier: Parameters<typeof passwordAuthenticationKey>[1]) {
  return new Promise<Uint8Array>((done, fail) => {
    helper.getPasswordAuthenticationKey(
      verifier.userId,
      verifier.password,
      new BigInteger(verifier.srpB, 16),
      new BigInteger(verifier.salt, 16),
      (error, key) => (error ? fail(error) : done(key)),
    );
  });
}

const verifier = {
  poolName: 'AbCdEf123',
  userId: '5d3c1e0a-8f7b-4a61-9d2e-1c4b7a9e0f36',
  password: 'Correct-Horse-9!',
  // A salt and a B whose hex starts with a high bit, so the "00" encoding matters.
  salt: 'f3a91c0d5e7b2a4c6d8e0f1a2b3c4d5e',
  srpB: 'c1'.repeat(384),
};

describe("the client's USER_SRP_AUTH values", () => {
  // The SDK's values for the client's secret, once: each of its modular powers takes seconds here.
  const secret = newSrpSecret(fixedBytes);
  let sdk: { A: string; key: string };
  beforeAll(async () => {
    const helper = sdkHelperWith(verifier.poolName, secret.a);
    const A = sdkLargeA(helper);
    sdk = { A, key: Buffer.from(await sdkKey(helper, verifier)).toString('hex') };
  });

  it('sends the SRP_A the Cognito SDK computes for the same secret', () => {
    const A = newSrpSecret(fixedBytes).A.toString(16);

    expect(A).toBe(sdk.A);
  });

  it('derives the password authentication key the Cognito SDK derives', async () => {
    const key = await passwordAuthenticationKey(secret, verifier);

    expect(Buffer.from(key).toString('hex')).toBe(sdk.key);
    expect(key).toHaveLength(16);
  });

  it('derives another key from another password', async () => {
    const right = await passwordAuthenticationKey(secret, verifier);
    const wrong = await passwordAuthenticationKey(secret, { ...verifier, password: 'Wrong-1!' });

    expect(Buffer.from(wrong).equals(Buffer.from(right))).toBe(false);
  });

  it('signs pool name, user id, secret block and timestamp with HMAC-SHA256 of the key', async () => {
    const key = Uint8Array.from(fixedBytes(16));
    const claim = {
      poolName: verifier.poolName,
      userId: verifier.userId,
      secretBlock: Buffer.from('an opaque block').toString('base64'),
      timestamp: 'Tue Dec 1 09:05:07 UTC 2026',
    };

    const signature = await claimSignature(key, claim);

    const expected = createHmac('sha256', key)
      .update(`${claim.poolName}${claim.userId}`)
      .update(Buffer.from(claim.secretBlock, 'base64'))
      .update(claim.timestamp)
      .digest('base64');
    expect(signature).toBe(expected);
  });

  it.each([new Date('2026-12-01T09:05:07Z'), new Date('2027-02-28T23:59:09Z')])(
    'writes the TIMESTAMP of %s as the Cognito SDK does',
    (date) => {
      jest.useFakeTimers({ now: date });
      const sdk = new DateHelper().getNowString();
      jest.useRealTimers();

      expect(cognitoTimestamp(date)).toBe(sdk);
    },
  );
});
