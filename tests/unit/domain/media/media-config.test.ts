import { mediaApiConfig, mediaErasureDistribution } from '@mobile-backend/domain/media';

const base = {
  APP_TABLE_NAME: 'AppTable',
  IDEMPOTENCY_TABLE_NAME: 'IdempotencyTable',
  MEDIA_BUCKET_NAME: 'media',
};
const signed = {
  ...base,
  MEDIA_DISTRIBUTION_URL: 'https://d111.cloudfront.net',
  MEDIA_SIGNING_KEY_SECRET_ARN: 'arn:aws:secretsmanager:us-east-1:000000000000:secret:key',
  MEDIA_SIGNING_KEY_PAIR_ID: 'K2JCJMDEHXQW5F',
  MEDIA_DISTRIBUTION_ID: 'E123',
};

describe('the media API configuration', () => {
  it('signs URLs for 300 s by default, with the given distribution and key', () => {
    const config = mediaApiConfig(signed);

    expect(config.delivery).toEqual({
      kind: 'cloudfront',
      distributionUrl: 'https://d111.cloudfront.net',
      signingKeySecretArn: signed.MEDIA_SIGNING_KEY_SECRET_ARN,
      keyPairId: 'K2JCJMDEHXQW5F',
      urlSeconds: 300,
    });
    expect(config.distributionId).toBe('E123');
  });

  it.each(['MEDIA_DISTRIBUTION_URL', 'MEDIA_SIGNING_KEY_SECRET_ARN', 'MEDIA_SIGNING_KEY_PAIR_ID'])(
    'refuses CloudFront delivery without %s',
    (name) => {
      const env = { ...signed, [name]: '' };

      expect(() => mediaApiConfig(env)).toThrow(
        `${name}: is required when MEDIA_DELIVERY is cloudfront`,
      );
    },
  );

  it.each(['0', '86401', 'soon'])('refuses MEDIA_URL_SECONDS=%s', (seconds) => {
    expect(() => mediaApiConfig({ ...signed, MEDIA_URL_SECONDS: seconds })).toThrow(
      'MEDIA_URL_SECONDS',
    );
  });

  it('needs no key for presigned delivery, and invalidates nothing without a distribution', () => {
    const config = mediaApiConfig({ ...base, MEDIA_DELIVERY: 'presigned' });

    expect(config.delivery).toEqual({ kind: 'presigned' });
    expect(config.distributionId).toBeUndefined();
  });
});

describe("account erasure's distribution", () => {
  it('is the given id, or none when empty', () => {
    expect(mediaErasureDistribution({ MEDIA_DISTRIBUTION_ID: 'E123' })).toBe('E123');
    expect(mediaErasureDistribution({ MEDIA_DISTRIBUTION_ID: '' })).toBeUndefined();
  });
});
