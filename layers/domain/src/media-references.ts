import { ValidationError } from './errors';
import type { FieldError } from './errors';

// The port items and profiles share for the media they refer to. It lives
// here, beside the errors, rather than in media/: the features that refer to
// media own the question, and media/ answers it (stored-media-references.ts).

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

export const MEDIA_NOT_USABLE = 'Not a media of yours that is ready.';

/** The 422 for the references that failed, if any. */
export function assertNoUnusableMedia(failures: FieldError[]): void {
  if (failures.length > 0) {
    throw new ValidationError(failures, 'Only your own media can be attached, once ready.');
  }
}

/** Where no media store is wired in, no id can be usable. */
export const noMediaReferences: MediaReferences = {
  async assertUsable(_ownerId, references) {
    assertNoUnusableMedia(references.map(({ path }) => ({ path, message: MEDIA_NOT_USABLE })));
  },
};
