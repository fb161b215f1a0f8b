import { createVerify, generateKeyPairSync } from 'node:crypto';
import { SignedCloudFrontDelivery, type Media } from '@mobile-backend/domain/media';

const { publicKey, privateKey } = generateKeyPairSync('rsa', {
  modulusLength: 2048,
  publicKeyEncoding: { type: 'spki', format: 'pem' },
  privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
});

const media: Media = {
  mediaId: '01HZZZZZZZZZZZZZZZZZZZZZZ1',
  ownerId: 'user-1',
  status: 'ready',
  contentType: 'image/jpeg',
  size: 10,
  fileName: null,
  key: 'media/user-1/01HZZZZZZZZZZZZZZZZZZZZZZ1',
  createdAt: '2025-03-01T10:00:00.000Z',
  updatedAt: '2025-03-01T10:00:00.000Z',
};

const NOW = new Date('2025-03-01T10:00:00.000Z');

function delivery(urlSeconds = 300) {
  return new SignedCloudFrontDelivery(
    { distributionUrl: 'https://d111.cloudfront.net/', keyPairId: 'K2JCJMDEHXQW5F', urlSeconds },
    { privateKey: async () => privateKey },
    () => NOW,
  );
}

describe('signed CloudFront delivery', () => {
  it("signs the media's path on the distribution, expiring after the configured seconds", async () => {
    const url = new URL(await delivery(120).urlOf(media));

    expect(`${url.origin}${url.pathname}`).toBe(`https://d111.cloudfront.net/${media.key}`);
    expect(url.searchParams.get('Key-Pair-Id')).toBe('K2JCJMDEHXQW5F');
    expect(Number(url.searchParams.get('Expires'))).toBe(NOW.getTime() / 1000 + 120);
  });

  it('gives a signature that the public key verifies over the canned policy', async () => {
    const url = new URL(await delivery().urlOf(media));
    const expires = Number(url.searchParams.get('Expires'));
    const policy = JSON.stringify({
      Statement: [
        {
          Resource: `https://d111.cloudfront.net/${media.key}`,
          Condition: { DateLessThan: { 'AWS:EpochTime': expires } },
        },
      ],
    });
    const signature = (url.searchParams.get('Signature') ?? '')
      .replace(/-/g, '+')
      .replace(/_/g, '=')
      .replace(/~/g, '/');

    const valid = createVerify('RSA-SHA1').update(policy).verify(publicKey, signature, 'base64');

    expect(valid).toBe(true);
  });

  it('fails when the signing key cannot be read, rather than giving an unsigned URL', async () => {
    const broken = new SignedCloudFrontDelivery(
      { distributionUrl: 'https://d111.cloudfront.net', keyPairId: 'K', urlSeconds: 300 },
      { privateKey: () => Promise.reject(new Error('no secret')) },
    );

    await expect(broken.urlOf(media)).rejects.toThrow('no secret');
  });
});
