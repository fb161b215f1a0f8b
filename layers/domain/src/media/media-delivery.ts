import type { Media } from './media';
import type { MediaObjects } from './media-objects';

/** How a ready media is served to apps. */
export interface MediaDelivery {
  urlOf(media: Media): Promise<string>;
}

/** The private half of a key pair in the distribution's trusted key group. */
export interface MediaSigningKey {
  /** PEM; read once and cached, so calling it per request costs nothing. */
  privateKey(): Promise<string>;
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
