import { ownerPrefix } from './media';
import { noMediaCache, pathOf, type MediaCache } from './media-cache';
import type { MediaObjects } from './media-objects';
import type { MediaStore } from './media-store';

/** Account deletion's media step: every object under the owner's prefix, their cached copies, then every record. */
export class MediaErasure {
  constructor(
    private readonly store: Pick<MediaStore, 'idsByOwner' | 'delete'>,
    private readonly objects: Pick<MediaObjects, 'deleteUnder'>,
    private readonly cache: MediaCache = noMediaCache,
  ) {}

  /**
   * Safe to repeat; objects first, so a retry after a failure still finds the
   * records, and the edge caches before the records, so a failed invalidation
   * is retried with the rest.
   */
  async eraseAllOf(ownerId: string): Promise<void> {
    const prefix = ownerPrefix(ownerId);
    await this.objects.deleteUnder(prefix);
    await this.cache.invalidate([`${pathOf(prefix)}*`]);
    for (const mediaId of await this.store.idsByOwner(ownerId)) await this.store.delete(mediaId);
  }
}
