import { getSignedUrl } from '@aws-sdk/cloudfront-signer';
import type { Media } from './media';
import { pathOf } from './media-cache';
import type { MediaDelivery, MediaSigningKey } from './media-delivery';

export interface SignedDeliverySettings {
  /** Where the distribution answers, e.g. `https://d111111abcdef8.cloudfront.net`. */
  distributionUrl: string;
  /** The CloudFront public key's id (`Key-Pair-Id`). */
  keyPairId: string;
  /** How long a URL stays valid. */
  urlSeconds: number;
}

/**
 * Short-lived CloudFront signed URLs (canned policy): the distribution trusts
 * only the key group, so an object is readable by whoever `GET /v1/media/{id}`
 * allowed, until the URL expires, and by no one else.
 */
export class SignedCloudFrontDelivery implements MediaDelivery {
  private readonly base: string;

  constructor(
    private readonly settings: SignedDeliverySettings,
    private readonly key: MediaSigningKey,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.base = settings.distributionUrl.replace(/\/+$/, '');
  }

  async urlOf(media: Media): Promise<string> {
    // The path as invalidations name it (media-cache.ts), so what is signed is what is purged.
    return getSignedUrl({
      url: `${this.base}${pathOf(media.key)}`,
      keyPairId: this.settings.keyPairId,
      privateKey: await this.key.privateKey(),
      dateLessThan: new Date(this.now().getTime() + this.settings.urlSeconds * 1000),
    });
  }
}
