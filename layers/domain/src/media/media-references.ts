import { ValidationError } from '../errors';
import type { FieldError } from '../errors';
import { isMediaId } from './media';
import type { MediaStore } from './media-store';

/** A media id in a request, with the field that holds it (`mediaIds.2`, `avatarMediaId`). */
export interface MediaReference {
  path: string;
  mediaId: string;
}

/** The check items and profiles make before they refer to media. */
export interface MediaReferences {
  /** 422 naming each failing path unless every id names a ready media of the owner. */
  assertUsable(ownerId: string, references: readonly MediaReference[]): Promise<void>;
}

const NOT_USABLE = 'Not a media of yours that is ready.';

function assertNone(failures: FieldError[]): void {
  if (failures.length > 0) {
    throw new ValidationError(failures, 'Only your own media can be attached, once ready.');
  }
}

/** Looks each id up in the media store; another user's media fails exactly like a missing one. */
export class StoredMediaReferences implements MediaReferences {
  constructor(private readonly store: Pick<MediaStore, 'get'>) {}

  async assertUsable(ownerId: string, references: readonly MediaReference[]): Promise<void> {
    const verdicts = await Promise.all(
      references.map(async ({ path, mediaId }) => {
        const media = isMediaId(mediaId) ? await this.store.get(mediaId) : undefined;
        const usable = media?.ownerId === ownerId && media.status === 'ready';
        return usable ? undefined : { path, message: NOT_USABLE };
      }),
    );
    assertNone(verdicts.filter((failure) => failure !== undefined));
  }
}

/** Where no media store is wired in, no id can be usable. */
export const noMediaReferences: MediaReferences = {
  async assertUsable(_ownerId, references) {
    assertNone(references.map(({ path }) => ({ path, message: NOT_USABLE })));
  },
};
