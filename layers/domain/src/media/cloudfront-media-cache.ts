import { randomUUID } from 'node:crypto';
import { CloudFrontClient, CreateInvalidationCommand } from '@aws-sdk/client-cloudfront';
import { tracer } from '../observability';
import type { MediaCache } from './media-cache';

/** CreateInvalidation on the media distribution; the endpoint comes from AWS_ENDPOINT_URL_CLOUDFRONT when set. */
export class CloudFrontMediaCache implements MediaCache {
  constructor(
    private readonly cloudFront: CloudFrontClient,
    private readonly distributionId: string,
    private readonly newReference: () => string = randomUUID,
  ) {}

  static create(distributionId: string): CloudFrontMediaCache {
    return new CloudFrontMediaCache(
      tracer.captureAWSv3Client(new CloudFrontClient({})),
      distributionId,
    );
  }

  async invalidate(paths: readonly string[]): Promise<void> {
    if (paths.length === 0) return;
    await this.cloudFront.send(
      new CreateInvalidationCommand({
        DistributionId: this.distributionId,
        InvalidationBatch: {
          // A fresh reference per call: a retried deletion invalidates again rather than being refused as a duplicate.
          CallerReference: this.newReference(),
          Paths: { Quantity: paths.length, Items: [...paths] },
        },
      }),
    );
  }
}
