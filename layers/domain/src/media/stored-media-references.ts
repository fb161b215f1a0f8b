import { assertNoUnusableMedia, MEDIA_NOT_USABLE } from '../media-references';
import type { MediaReference, MediaReferences } from '../media-references';
import { isMediaId } from './media';
import type { MediaStore } from './media-store';

/** Looks each id up in the media store; another user's media fails exactly like a missing one. */
export class StoredMediaReferences implements MediaReferences {
  constructor(private readonly store: Pick<MediaStore, 'get'>) {}

  async assertUsable(ownerId: string, references: readonly MediaReference[]): Promise<void> {
    const verdicts = await Promise.all(
      references.map(async ({ path, mediaId }) => {
        const media = isMediaId(mediaId) ? await this.store.get(mediaId) : undefined;
        const usable = media?.ownerId === ownerId && media.status === 'ready';
        return usable ? undefined : { path, message: MEDIA_NOT_USABLE };
      }),
    );
    assertNoUnusableMedia(verdicts.filter((failure) => failure !== undefined));
  }
}
