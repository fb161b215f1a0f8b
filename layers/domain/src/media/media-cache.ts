/** Edge caches in front of the media bucket: erased media must not stay readable there. */
export interface MediaCache {
  /** Paths as the distribution serves them, e.g. `/media/<owner>/<id>` or `/media/<owner>/*`. */
  invalidate(paths: readonly string[]): Promise<void>;
}

/** For delivery without a cache in front (presigned GETs): nothing to invalidate. */
export const noMediaCache: MediaCache = { invalidate: async () => undefined };

/** The distribution path of an object key. */
export function pathOf(key: string): string {
  return `/${key.split('/').map(encodeURIComponent).join('/')}`;
}
