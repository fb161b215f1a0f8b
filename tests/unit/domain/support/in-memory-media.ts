import type { Media, MediaObjects, MediaStore, MediaVerdict } from '@mobile-backend/domain/media';

/** A MediaStore with the adapter's contract (settle only from pending), kept in memory. */
export class InMemoryMediaStore implements MediaStore {
  readonly records = new Map<string, Media>();

  async create(media: Media): Promise<void> {
    this.records.set(media.mediaId, structuredClone(media));
  }

  async get(mediaId: string): Promise<Media | undefined> {
    const media = this.records.get(mediaId);
    return media && structuredClone(media);
  }

  async settle(mediaId: string, verdict: MediaVerdict, at: Date): Promise<boolean> {
    const media = this.records.get(mediaId);
    if (media?.status !== 'pending') return false;
    this.records.set(mediaId, {
      ...media,
      status: verdict.status,
      ...(verdict.size !== undefined && { size: verdict.size }),
      ...(verdict.reason !== undefined && { rejectionReason: verdict.reason }),
      updatedAt: at.toISOString(),
    });
    return true;
  }

  async delete(mediaId: string): Promise<void> {
    this.records.delete(mediaId);
  }

  async idsByOwner(ownerId: string, limit: number): Promise<string[]> {
    return [...this.records.values()]
      .filter((m) => m.ownerId === ownerId)
      .map((m) => m.mediaId)
      .slice(0, limit);
  }
}

/** A bucket in memory; URLs are fake but say what they were signed for. */
export class InMemoryMediaObjects implements MediaObjects {
  readonly objects = new Map<string, Buffer>();

  async uploadUrl(key: string, declared: { contentType: string; size: number }, seconds: number) {
    return `https://bucket.example/${key}?put&type=${declared.contentType}&size=${declared.size}&expires=${seconds}`;
  }

  async downloadUrl(key: string, seconds: number) {
    return `https://bucket.example/${key}?get&expires=${seconds}`;
  }

  async size(key: string) {
    return this.objects.get(key)?.length;
  }

  async firstBytes(key: string, count: number) {
    return this.objects.get(key)?.subarray(0, count);
  }

  async delete(key: string) {
    this.objects.delete(key);
  }

  async deleteUnder(prefix: string, limit = Number.POSITIVE_INFINITY) {
    const keys = [...this.objects.keys()].filter((key) => key.startsWith(prefix)).slice(0, limit);
    for (const key of keys) this.objects.delete(key);
    return keys.length;
  }
}
