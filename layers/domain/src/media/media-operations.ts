import { monotonicFactory } from 'ulid';
import { NotFoundError } from '../errors';
import { isUlid } from '../ulid';
import { isMediaId, mediaKey, parseNewMedia } from './media';
import type { Media, MediaLimits, MediaStatus, MediaType } from './media';
import { noMediaCache, pathOf, type MediaCache } from './media-cache';
import type { MediaDelivery } from './media-delivery';
import type { MediaObjects } from './media-objects';
import type { MediaStore } from './media-store';

/** S3 caps presigned URLs at 7 days; uploads here are valid for at most 15 minutes. */
export const MAX_UPLOAD_URL_SECONDS = 15 * 60;

/** `POST /v1/media`. */
export interface MediaUpload {
  mediaId: string;
  status: 'pending';
  upload: { method: 'PUT'; url: string; headers: Record<string, string> };
  expiresAt: string;
}

/** `GET /v1/media/{mediaId}`. */
export interface MediaView {
  mediaId: string;
  ownerId: string;
  status: MediaStatus;
  contentType: MediaType;
  size: number;
  fileName: string | null;
  /** Where apps download it, once ready. */
  url: string | null;
  createdAt: string;
}

/** An item the media is attached to, through which someone else may see it. */
export interface MediaHolder {
  ownerId: string;
  visibility: 'public' | 'private';
  mediaIds: readonly string[];
}

/** Where the holders of media are found: an item store answers it (an item is a MediaHolder). */
export interface MediaHolders {
  get(itemId: string): Promise<MediaHolder | undefined>;
}

export interface MediaSettings extends MediaLimits {
  uploadUrlSeconds: number;
}

export interface MediaOperationsOptions {
  /** Without it no media is seen through an item: only owners see media. */
  holders?: MediaHolders;
  /** Edge caches a deleted media is invalidated in; none by default. */
  cache?: MediaCache;
  now?: () => Date;
  newId?: () => string;
}

/** The media use cases of the API: `/v1/media`. */
export class MediaOperations {
  private readonly holders: MediaHolders | undefined;
  private readonly cache: MediaCache;
  private readonly now: () => Date;
  private readonly newId: () => string;

  constructor(
    private readonly store: MediaStore,
    private readonly objects: MediaObjects,
    private readonly delivery: MediaDelivery,
    private readonly settings: MediaSettings,
    options: MediaOperationsOptions = {},
  ) {
    this.holders = options.holders;
    this.cache = options.cache ?? noMediaCache;
    this.now = options.now ?? (() => new Date());
    this.newId = options.newId ?? monotonicFactory();
  }

  /** Records the pending media, then presigns a PUT bound to its key, type and length. */
  async requestUpload(ownerId: string, input: unknown): Promise<MediaUpload> {
    const declared = parseNewMedia(input, this.settings);
    const now = this.now();
    const mediaId = this.newId();
    const media: Media = {
      mediaId,
      ownerId,
      status: 'pending',
      contentType: declared.contentType,
      size: declared.size,
      fileName: declared.fileName ?? null,
      key: mediaKey(ownerId, mediaId),
      createdAt: now.toISOString(),
      updatedAt: now.toISOString(),
    };
    // The record first: an upload event always finds the media it belongs to.
    await this.store.create(media);
    const seconds = Math.min(this.settings.uploadUrlSeconds, MAX_UPLOAD_URL_SECONDS);
    const url = await this.objects.uploadUrl(media.key, declared, seconds);
    return {
      mediaId,
      status: 'pending',
      upload: {
        method: 'PUT',
        url,
        headers: {
          'Content-Type': declared.contentType,
          'Content-Length': String(declared.size),
          // Signed too: the URL creates the object once and can never overwrite a checked one.
          'If-None-Match': '*',
        },
      },
      expiresAt: new Date(now.getTime() + seconds * 1000).toISOString(),
    };
  }

  /**
   * The owner sees their media in any state. Anyone else sees it only through
   * an item they may read (public, or their own) that holds it, and only once
   * it is ready: a public item's photos are meant to be seen.
   */
  async get(callerId: string, mediaId: string, through?: MediaHolder): Promise<MediaView> {
    const media = through
      ? await this.heldBy(callerId, mediaId, through)
      : await this.owned(callerId, mediaId);
    return {
      mediaId: media.mediaId,
      ownerId: media.ownerId,
      status: media.status,
      contentType: media.contentType,
      size: media.size,
      fileName: media.fileName,
      url: media.status === 'ready' ? await this.delivery.urlOf(media) : null,
      createdAt: media.createdAt,
    };
  }

  /**
   * `GET /v1/media/{mediaId}?item={itemId}`: the media seen through the item
   * that holds it, by the rules of `get`. An item that does not exist, or is
   * not a valid id, hides the media exactly like one that does not hold it.
   */
  async getThroughItem(callerId: string, mediaId: string, itemId: string): Promise<MediaView> {
    const holder = isUlid(itemId) ? await this.holders?.get(itemId) : undefined;
    if (!holder) throw new NotFoundError('No such media.');
    return this.get(callerId, mediaId, holder);
  }

  /**
   * The object first, then its cached copies: a failure leaves the record, so
   * a retried DELETE finds it again and finishes both.
   */
  async remove(callerId: string, mediaId: string): Promise<void> {
    const media = await this.owned(callerId, mediaId);
    await this.objects.delete(media.key);
    await this.cache.invalidate([pathOf(media.key)]);
    await this.store.delete(media.mediaId);
  }

  private async heldBy(callerId: string, mediaId: string, holder: MediaHolder): Promise<Media> {
    const media = isMediaId(mediaId) ? await this.store.get(mediaId) : undefined;
    if (media?.ownerId === callerId) return media;
    const visible = holder.visibility === 'public' || holder.ownerId === callerId;
    const shared =
      media !== undefined &&
      media.status === 'ready' &&
      visible &&
      holder.ownerId === media.ownerId &&
      holder.mediaIds.includes(mediaId);
    if (!shared) throw new NotFoundError('No such media.');
    return media;
  }

  /** Media are private to their owner: to anyone else they do not exist. */
  private async owned(callerId: string, mediaId: string): Promise<Media> {
    const media = isMediaId(mediaId) ? await this.store.get(mediaId) : undefined;
    if (!media || media.ownerId !== callerId) throw new NotFoundError('No such media.');
    return media;
  }
}
