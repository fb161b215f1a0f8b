/** The bucket that holds media objects. */
export interface MediaObjects {
  /** A presigned, create-only PUT bound to the key, the content type and the exact length. */
  uploadUrl(
    key: string,
    declared: { contentType: string; size: number },
    expiresInSeconds: number,
  ): Promise<string>;
  /** A presigned GET of the object. */
  downloadUrl(key: string, expiresInSeconds: number): Promise<string>;
  /** The stored object's size, or undefined when there is no object. */
  size(key: string): Promise<number | undefined>;
  /** Up to `count` bytes from the start of the object; undefined when there is no object. */
  firstBytes(key: string, count: number): Promise<Uint8Array | undefined>;
  /** Deletes the object, every version of it; no error when it is already gone. */
  delete(key: string): Promise<void>;
  /**
   * Deletes the objects (all versions) under the prefix, up to about `limit`
   * versions when given; returns how many versions were deleted.
   */
  deleteUnder(prefix: string, limit?: number): Promise<number>;
}
