import { createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { getSignedUrl } from '@aws-sdk/cloudfront-signer';
import { verifySignedUrl } from '../../../../sandbox/cloudfront/signed-url';

const pair = () =>
  generateKeyPairSync('rsa', {
    modulusLength: 2048,
    publicKeyEncoding: { type: 'spki', format: 'pem' },
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
  });
const trusted = pair();
const untrusted = pair();
const keys = new Map<string, KeyObject>([['KTRUSTED', createPublicKey(trusted.publicKey)]]);

const BASE = 'http://127.0.0.1:4588';
const NOW = new Date('2025-03-01T10:00:00.000Z');
const later = new Date(NOW.getTime() + 60_000);

function sign(path: string, options: Partial<Parameters<typeof getSignedUrl>[0]> = {}): string {
  return getSignedUrl({
    url: `${BASE}${path}`,
    keyPairId: 'KTRUSTED',
    privateKey: trusted.privateKey,
    dateLessThan: later,
    ...options,
  } as Parameters<typeof getSignedUrl>[0]);
}

const verify = (signedUrl: string, now = NOW) =>
  verifySignedUrl({ baseUrl: BASE, rawPathAndQuery: signedUrl.slice(BASE.length) }, keys, now);

describe('the local check of CloudFront signed URLs', () => {
  it('accepts what the SDK signs with a trusted key, with SHA-1 or SHA-256', () => {
    expect(verify(sign('/media/u/1'))).toEqual({ ok: true });
    expect(verify(sign('/media/u/1', { algorithm: 'SHA256' }))).toEqual({ ok: true });
  });

  it('refuses an expired URL, from its expiry on', () => {
    const url = sign('/media/u/1');

    expect(verify(url, later)).toEqual({ ok: false, reason: 'the URL has expired' });
    expect(verify(url, new Date(later.getTime() - 1000))).toEqual({ ok: true });
  });

  it('refuses another path or a changed expiry under the same signature', () => {
    const url = sign('/media/u/1');

    expect(verify(url.replace('/media/u/1', '/media/u/2')).ok).toBe(false);
    expect(verify(url.replace(/Expires=\d+/, `Expires=${later.getTime() / 1000 + 1}`)).ok).toBe(
      false,
    );
  });

  it('refuses a URL signed with a key outside the trusted key groups', () => {
    const foreign = sign('/media/u/1', { privateKey: untrusted.privateKey });
    const unknownId = sign('/media/u/1', { keyPairId: 'KOTHER' });

    expect(verify(foreign)).toEqual({
      ok: false,
      reason: 'the signature does not match the URL and its expiry',
    });
    expect(verify(unknownId)).toEqual({
      ok: false,
      reason: 'Key-Pair-Id KOTHER is not in a trusted key group',
    });
  });

  it('refuses an unsigned URL and a custom policy', () => {
    const custom = getSignedUrl({
      url: `${BASE}/media/u/1`,
      keyPairId: 'KTRUSTED',
      privateKey: trusted.privateKey,
      policy: JSON.stringify({
        Statement: [
          { Resource: `${BASE}/media/*`, Condition: { DateLessThan: { 'AWS:EpochTime': 9e9 } } },
        ],
      }),
    });

    expect(verify(`${BASE}/media/u/1`).ok).toBe(false);
    expect(verify(custom)).toEqual({ ok: false, reason: 'custom policies are not served locally' });
  });
});
