import { getSignedUrl } from '@aws-sdk/cloudfront-signer';
import type { Media } from './media';
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
  constructor(
    private readonly settings: SignedDeliverySettings,
    private readonly key: MediaSigningKey,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async urlOf(media: Media): Promise<string> {
    const path = media.key.split('/').map(encodeURIComponent).join('/');
    const base = this.settings.distributionUrl.replace(/\/+$/, '');
    return getSignedUrl({
      url: `${base}/${path}`,
      keyPairId: this.settings.keyPairId,
      privateKey: await this.key.privateKey(),
      dateLessThan: new Date(this.now().getTime() + this.settings.urlSeconds * 1000),
    });
  }
}
