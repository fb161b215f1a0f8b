import { CloudFrontClient, CreateInvalidationCommand } from '@aws-sdk/client-cloudfront';
import { mockClient } from 'aws-sdk-client-mock';
import { CloudFrontMediaCache } from '@mobile-backend/domain/media';

const cloudFront = mockClient(CloudFrontClient);

beforeEach(() => {
  cloudFront.reset();
  cloudFront.on(CreateInvalidationCommand).resolves({});
});

describe('the CloudFront media cache', () => {
  it('creates one invalidation of the given paths on its distribution', async () => {
    const references = ['ref-1'];
    const cache = new CloudFrontMediaCache(
      new CloudFrontClient({}),
      'E123',
      () => references.shift() ?? '',
    );

    await cache.invalidate(['/media/user-1/a', '/media/user-1/b']);

    expect(cloudFront.commandCalls(CreateInvalidationCommand).map((c) => c.args[0].input)).toEqual([
      {
        DistributionId: 'E123',
        InvalidationBatch: {
          CallerReference: 'ref-1',
          Paths: { Quantity: 2, Items: ['/media/user-1/a', '/media/user-1/b'] },
        },
      },
    ]);
  });

  it('uses a new caller reference for each call, so that a retry invalidates again', async () => {
    const cache = new CloudFrontMediaCache(new CloudFrontClient({}), 'E123');

    await cache.invalidate(['/media/user-1/a']);
    await cache.invalidate(['/media/user-1/a']);

    const references = cloudFront
      .commandCalls(CreateInvalidationCommand)
      .map((c) => c.args[0].input.InvalidationBatch?.CallerReference);
    expect(new Set(references).size).toBe(2);
  });

  it('calls nothing for no paths', async () => {
    await new CloudFrontMediaCache(new CloudFrontClient({}), 'E123').invalidate([]);

    expect(cloudFront.commandCalls(CreateInvalidationCommand)).toHaveLength(0);
  });

  it('fails when CloudFront refuses, so that the deletion is retried', async () => {
    cloudFront.on(CreateInvalidationCommand).rejects(new Error('TooManyInvalidationsInProgress'));

    const invalidation = new CloudFrontMediaCache(new CloudFrontClient({}), 'E123').invalidate([
      '/x',
    ]);

    await expect(invalidation).rejects.toThrow('TooManyInvalidationsInProgress');
  });
});
