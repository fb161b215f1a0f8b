import {
  DeleteObjectsCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListObjectVersionsCommand,
  NoSuchKey,
  NotFound,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import type { ObjectIdentifier } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { tracer } from '../observability';
import type { MediaObjects } from './media-objects';

/**
 * Checksums only when S3 requires them: otherwise newer SDKs sign a CRC32 of
 * the (empty) body into presigned PUTs, which S3 rejects for the real upload.
 * The endpoint comes from AWS_ENDPOINT_URL_S3 when set.
 */
export function createS3Client(): S3Client {
  return tracer.captureAWSv3Client(
    new S3Client({
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
    }),
  );
}

// Signed, and kept as headers rather than query parameters, so that an upload
// of another type or length does not match the signature, and If-None-Match
// makes the URL create-only: it cannot overwrite an object once checked.
const boundHeaders = new Set(['content-type', 'content-length', 'if-none-match']);

function isMissing(error: unknown): boolean {
  return (
    error instanceof NoSuchKey ||
    error instanceof NotFound ||
    (error instanceof Error && (error.name === 'NoSuchKey' || error.name === 'NotFound'))
  );
}

export class S3MediaObjects implements MediaObjects {
  constructor(
    private readonly s3: S3Client,
    private readonly bucket: string,
  ) {}

  uploadUrl(
    key: string,
    declared: { contentType: string; size: number },
    expiresInSeconds: number,
  ): Promise<string> {
    return getSignedUrl(
      this.s3,
      new PutObjectCommand({
        Bucket: this.bucket,
        Key: key,
        ContentType: declared.contentType,
        ContentLength: declared.size,
        IfNoneMatch: '*',
      }),
      {
        expiresIn: expiresInSeconds,
        signableHeaders: boundHeaders,
        unhoistableHeaders: boundHeaders,
      },
    );
  }

  downloadUrl(key: string, expiresInSeconds: number): Promise<string> {
    return getSignedUrl(this.s3, new GetObjectCommand({ Bucket: this.bucket, Key: key }), {
      expiresIn: expiresInSeconds,
    });
  }

  async size(key: string): Promise<number | undefined> {
    try {
      const head = await this.s3.send(new HeadObjectCommand({ Bucket: this.bucket, Key: key }));
      return head.ContentLength;
    } catch (error) {
      if (isMissing(error)) return undefined;
      throw error;
    }
  }

  async firstBytes(key: string, count: number): Promise<Uint8Array | undefined> {
    try {
      const object = await this.s3.send(
        new GetObjectCommand({ Bucket: this.bucket, Key: key, Range: `bytes=0-${count - 1}` }),
      );
      return (await object.Body?.transformToByteArray()) ?? new Uint8Array();
    } catch (error) {
      if (isMissing(error)) return undefined;
      throw error;
    }
  }

  async delete(key: string): Promise<void> {
    await this.purge(key, (candidate) => candidate === key);
  }

  deleteUnder(prefix: string, limit = Number.POSITIVE_INFINITY): Promise<number> {
    return this.purge(prefix, () => true, limit);
  }

  // Every version, not only the current one: with versioning on, a plain
  // DeleteObject only hides the object behind a delete marker, and deleted
  // media must not linger until the noncurrent-version lifecycle rule runs.
  private async purge(
    prefix: string,
    matches: (key: string) => boolean,
    limit = Number.POSITIVE_INFINITY,
  ): Promise<number> {
    let deleted = 0;
    let keyMarker: string | undefined;
    let versionIdMarker: string | undefined;
    do {
      const page = await this.s3.send(
        new ListObjectVersionsCommand({
          Bucket: this.bucket,
          Prefix: prefix,
          KeyMarker: keyMarker,
          VersionIdMarker: versionIdMarker,
          ...(Number.isFinite(limit) && { MaxKeys: Math.min(1000, limit) }),
        }),
      );
      const objects: ObjectIdentifier[] = [...(page.Versions ?? []), ...(page.DeleteMarkers ?? [])]
        .filter((entry) => entry.Key !== undefined && matches(entry.Key))
        .map((entry) => ({
          Key: entry.Key as string,
          ...(entry.VersionId && entry.VersionId !== 'null' && { VersionId: entry.VersionId }),
        }));
      if (objects.length > 0) {
        await this.s3.send(
          new DeleteObjectsCommand({
            Bucket: this.bucket,
            Delete: { Objects: objects, Quiet: true },
          }),
        );
      }
      deleted += objects.length;
      keyMarker = page.IsTruncated ? page.NextKeyMarker : undefined;
      versionIdMarker = page.IsTruncated ? page.NextVersionIdMarker : undefined;
    } while (keyMarker && deleted < limit);
    return deleted;
  }
}
