import { logger } from '../observability';
import { parseMediaKey } from './media';
import type { Media } from './media';
import type { MediaObjects } from './media-objects';
import { detectMediaType, SIGNATURE_BYTES } from './media-signature';
import type { MediaStore, MediaVerdict } from './media-store';

/**
 * What processing one uploaded object did. `unchanged`: the media was settled
 * already (a duplicate event); `orphan`: no pending media owns the key, so the
 * object was deleted; `gone`: the object no longer exists; `ignored`: the
 * object is not in the media bucket's media prefix, so it is none of ours and
 * is left alone (never deleted on an event's word).
 */
export type ProcessingOutcome = 'ready' | 'rejected' | 'unchanged' | 'orphan' | 'gone' | 'ignored';

/**
 * Checks an uploaded object against what its owner declared: the stored size,
 * and the type read from the object's first bytes, never the client's claim.
 * Idempotent, as S3 delivers events at least once: only a pending media
 * changes, with a conditional write.
 */
export class MediaProcessor {
  constructor(
    private readonly store: MediaStore,
    private readonly objects: MediaObjects,
    /** The only bucket whose objects this processor may touch. */
    private readonly mediaBucket: string,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async process(bucket: string, key: string): Promise<ProcessingOutcome> {
    const named = parseMediaKey(key);
    if (bucket !== this.mediaBucket || !named) {
      // The notification filter should make this impossible; a misrouted event must not delete.
      logger.warn('Event for an object outside the media prefix; ignoring it', { bucket, key });
      return 'ignored';
    }
    const objects = this.objects;
    const media = await this.store.get(named.mediaId);
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
