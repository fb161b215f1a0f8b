import type { Media, MediaStatus } from './media';

/** The outcome of checking an uploaded object. */
export interface MediaVerdict {
  status: Exclude<MediaStatus, 'pending'>;
  /** The stored object's real size. */
  size?: number;
  reason?: string;
}

/** Where media records live. */
export interface MediaStore {
  /** Stores a new record; StaleVersionError if the id is taken. */
  create(media: Media): Promise<void>;
  get(mediaId: string): Promise<Media | undefined>;
  /**
   * Records the verdict if the media is still pending; false when it was
   * settled already (S3 delivers events at least once) or no longer exists.
   */
  settle(mediaId: string, verdict: MediaVerdict, at: Date): Promise<boolean>;
  delete(mediaId: string): Promise<void>;
  /** The ids of up to `limit` media records of an owner. */
  idsByOwner(ownerId: string, limit: number): Promise<string[]>;
}
