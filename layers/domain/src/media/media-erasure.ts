import { ownerPrefix } from './media';
import { noMediaCache, pathOf, type MediaCache } from './media-cache';
import type { MediaObjects } from './media-objects';
import type { MediaStore } from './media-store';

/**
 * Account erasure's media step: the objects under the owner's prefix, their
 * cached copies at the edge, then the records.
 */
export class MediaErasure {
  constructor(
    private readonly store: Pick<MediaStore, 'idsByOwner' | 'delete'>,
    private readonly objects: Pick<MediaObjects, 'deleteUnder'>,
    private readonly cache: MediaCache = noMediaCache,
  ) {}

  /**
   * Up to `limit` object versions, or once they are gone up to `limit`
   * records; true while some may remain. Safe to repeat; objects first, so a
   * retry after a failure still finds the records, and the edge caches before
   * each page of records, so a failed invalidation is retried with the page.
   * A served object always had a record, so the owner's paths are invalidated
   * at least once while records remain.
   */
  async erasePageOf(ownerId: string, limit: number): Promise<boolean> {
    const prefix = ownerPrefix(ownerId);
    if ((await this.objects.deleteUnder(prefix, limit)) > 0) return true;
    const mediaIds = await this.store.idsByOwner(ownerId, limit);
    if (mediaIds.length === 0) return false;
    await this.cache.invalidate([`${pathOf(prefix)}*`]);
    await Promise.all(mediaIds.map((mediaId) => this.store.delete(mediaId)));
    return mediaIds.length === limit;
  }
}
