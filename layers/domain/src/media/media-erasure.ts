import { ownerPrefix } from './media';
import type { MediaObjects } from './media-objects';
import type { MediaStore } from './media-store';

/** Account erasure's media step: the objects under the owner's prefix, then the records. */
export class MediaErasure {
  constructor(
    private readonly store: Pick<MediaStore, 'idsByOwner' | 'delete'>,
    private readonly objects: Pick<MediaObjects, 'deleteUnder'>,
  ) {}

  /**
   * Up to `limit` object versions, or once they are gone up to `limit`
   * records; true while some may remain. Safe to repeat; objects first, so a
   * retry after a failure still finds the records.
   */
  async erasePageOf(ownerId: string, limit: number): Promise<boolean> {
    if ((await this.objects.deleteUnder(ownerPrefix(ownerId), limit)) > 0) return true;
    const mediaIds = await this.store.idsByOwner(ownerId, limit);
    await Promise.all(mediaIds.map((mediaId) => this.store.delete(mediaId)));
    return mediaIds.length === limit;
  }
}
