// ListObjectVersions: fauxqs keeps no versions, so each current object is its
// only (`null`) version.
import type { ServerResponse } from 'node:http';
import type { Backend } from './backend';
import type { S3Request } from './request';
import { xmlEscape } from './xml';

export function isListVersions(parsed: S3Request): boolean {
  return parsed.method === 'GET' && !parsed.key && parsed.query.has('versions');
}

export async function listVersions(
  backend: Backend,
  parsed: S3Request,
  response: ServerResponse,
): Promise<void> {
  const prefix = parsed.query.get('prefix') ?? '';
  const keyMarker = parsed.query.get('key-marker') ?? '';
  const maxKeys = Math.min(Number(parsed.query.get('max-keys') ?? 1000) || 1000, 1000);
  const page = await backend.list(parsed.bucket, prefix, keyMarker, maxKeys);
  const last = page.objects.at(-1)?.key ?? '';
  const versions = page.objects
    .map(
      (object) =>
        `<Version><Key>${xmlEscape(object.key)}</Key><VersionId>null</VersionId><IsLatest>true</IsLatest><LastModified>${object.lastModified}</LastModified><ETag>${xmlEscape(object.eTag)}</ETag><Size>${object.size}</Size><StorageClass>STANDARD</StorageClass></Version>`,
    )
    .join('');
  response.writeHead(200, { 'Content-Type': 'application/xml' });
  response.end(
    `<?xml version="1.0" encoding="UTF-8"?>\n<ListVersionsResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><Name>${xmlEscape(parsed.bucket)}</Name><Prefix>${xmlEscape(prefix)}</Prefix><KeyMarker>${xmlEscape(keyMarker)}</KeyMarker><VersionIdMarker></VersionIdMarker><MaxKeys>${maxKeys}</MaxKeys><IsTruncated>${page.truncated}</IsTruncated>${page.truncated ? `<NextKeyMarker>${xmlEscape(last)}</NextKeyMarker><NextVersionIdMarker>null</NextVersionIdMarker>` : ''}${versions}</ListVersionsResult>`,
  );
}
