import type { Media } from './media';
import type { MediaObjects } from './media-objects';

/** How a ready media is served to apps. */
export interface MediaDelivery {
  urlOf(media: Media): Promise<string>;
}

/** Through the CloudFront distribution, whose Origin Access Control alone may read the bucket. */
export class CloudFrontDelivery implements MediaDelivery {
  constructor(private readonly distributionDomain: string) {}

  async urlOf(media: Media): Promise<string> {
    const path = media.key.split('/').map(encodeURIComponent).join('/');
    return `https://${this.distributionDomain}/${path}`;
  }
}

/** A short-lived presigned GET of the object itself: for stacks served without CloudFront. */
export class PresignedDelivery implements MediaDelivery {
  constructor(
    private readonly objects: MediaObjects,
    private readonly expiresInSeconds: number,
  ) {}

  urlOf(media: Media): Promise<string> {
    return this.objects.downloadUrl(media.key, this.expiresInSeconds);
  }
}
