// The client's SRP values against amazon-cognito-identity-js, Cognito's own
// JavaScript SDK, driven with the same secret: a mistake the client shared
// with the sandbox's verifier would still show here.
import { createHmac } from 'node:crypto';
import { createRequire } from 'node:module';
import { beforeAll, jest } from '@jest/globals';
import { runCognitoSdk } from '../../support/cognito-sdk/run';
import {
  claimSignature,
  cognitoTimestamp,
  newSrpSecret,
  passwordAuthenticationKey,
} from '../../../client/src/srp-claim';

const require = createRequire(import.meta.url);
const { default: DateHelper } = require('amazon-cognito-identity-js/lib/DateHelper') as {
  default: new () => { getNowString(): string };
};

/** The same "random" bytes on every run. */
const fixedBytes = (length: number) =>
  Uint8Array.from({ length }, (_unused, index) => (index * 151 + 7) % 256);

const verifier = {
  poolName: 'AbCdEf123',
  userId: '5d3c1e0a-8f7b-4a61-9d2e-1c4b7a9e0f36',
  password: 'Correct-Horse-9!',
  // A salt and a B whose hex starts with a high bit, so the "00" encoding matters.
  salt: 'f3a91c0d5e7b2a4c6d8e0f1a2b3c4d5e',
  srpB: 'c1'.repeat(384),
};

describe("the client's USER_SRP_AUTH values", () => {
  const secret = newSrpSecret(fixedBytes);
  let sdk: { A: string; key: string };
  beforeAll(async () => {
    sdk = await runCognitoSdk('srp-values.mjs', { ...verifier, a: secret.a.toString(16) });
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
