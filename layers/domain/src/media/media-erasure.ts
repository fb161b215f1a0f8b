import { ownerPrefix } from './media';
import type { MediaObjects } from './media-objects';
import type { MediaStore } from './media-store';

/** Account deletion's media step: every object under the owner's prefix, then every record. */
export class MediaErasure {
  constructor(
    private readonly store: Pick<MediaStore, 'idsByOwner' | 'delete'>,
    private readonly objects: Pick<MediaObjects, 'deleteUnder'>,
  ) {}

  /** Safe to repeat; objects first, so a retry after a failure still finds the records. */
  async eraseAllOf(ownerId: string): Promise<void> {
    await this.objects.deleteUnder(ownerPrefix(ownerId));
    for (const mediaId of await this.store.idsByOwner(ownerId)) await this.store.delete(mediaId);
  }
}
