import { logger } from '../observability';
import { parseMediaKey } from './media';
import type { Media } from './media';
import type { MediaObjects } from './media-objects';
import { detectMediaType, SIGNATURE_BYTES } from './media-signature';
import type { MediaStore, MediaVerdict } from './media-store';

/**
 * What processing one uploaded object did. `unchanged`: the media was settled
 * already (a duplicate event); `orphan`: no pending media owns the key, so the
 * object was deleted; `gone`: the object no longer exists.
 */
export type ProcessingOutcome = 'ready' | 'rejected' | 'unchanged' | 'orphan' | 'gone';

/**
 * Checks an uploaded object against what its owner declared: the stored size,
 * and the type read from the object's first bytes, never the client's claim.
 * Idempotent, as S3 delivers events at least once: only a pending media
 * changes, with a conditional write.
 */
export class MediaProcessor {
  constructor(
    private readonly store: MediaStore,
    private readonly objectsIn: (bucket: string) => MediaObjects,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async process(bucket: string, key: string): Promise<ProcessingOutcome> {
    const objects = this.objectsIn(bucket);
    const named = parseMediaKey(key);
    const media = named ? await this.store.get(named.mediaId) : undefined;
    if (!media || media.key !== key) {
      // Deleted while its upload was in flight, or written outside the API: nothing may serve it.
      logger.warn('Object without media; deleting it', { bucket, key });
      await objects.delete(key);
      return 'orphan';
    }
    if (media.status === 'rejected') {
      // A retry after a crash between the verdict and the delete finishes the delete.
      await objects.delete(key);
      return 'unchanged';
    }
    if (media.status !== 'pending') return 'unchanged';

    const verdict = await this.check(media, objects);
    if (!verdict) return 'gone';
    const settled = await this.store.settle(media.mediaId, verdict, this.now());
    if (verdict.status === 'rejected') {
      await objects.delete(key);
      logger.info('Media rejected', { mediaId: media.mediaId, reason: verdict.reason });
    }
    return settled ? verdict.status : 'unchanged';
  }

  private async check(media: Media, objects: MediaObjects): Promise<MediaVerdict | undefined> {
    const size = await objects.size(media.key);
    const head =
      size === undefined ? undefined : await objects.firstBytes(media.key, SIGNATURE_BYTES);
    if (size === undefined || head === undefined) return undefined;
    if (size !== media.size) {
      return {
        status: 'rejected',
        size,
        reason: `${size} bytes stored, ${media.size} declared.`,
      };
    }
    const detected = detectMediaType(head);
    if (detected !== media.contentType) {
      return {
        status: 'rejected',
        size,
        reason: `The content is ${detected ?? 'of no allowed type'}, ${media.contentType} declared.`,
      };
    }
    return { status: 'ready', size };
  }
}
