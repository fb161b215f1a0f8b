// What follows a successful write or delete: the archive keeps the object (or
// forgets it) and the change is reported for event notifications.
import { createHash } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Backend } from './backend';
import type { ObjectEvent } from './event-notifications';
import type { ObjectArchive } from './object-archive';
import { headerOf, metadataOf, type S3Request } from './request';
import { xmlValues } from './xml';

export interface ObjectChangeTargets {
  backend: Backend;
  archive: ObjectArchive;
  onObjectEvent: (event: ObjectEvent) => void;
}

export async function recordObjectChanges(
  targets: ObjectChangeTargets,
  parsed: S3Request,
  request: IncomingMessage,
  body: Buffer,
  result: Response,
): Promise<void> {
  const { bucket, key, method, query } = parsed;
  const sourceIp = request.socket.remoteAddress;
  if (method === 'PUT' && key && !query.has('uploadId')) {
    if (headerOf(request, 'x-amz-copy-source')) {
      await recordStoredObject(targets, parsed, 'ObjectCreated:Copy', result, sourceIp);
      return;
    }
    targets.archive.save({
      bucket,
      key,
      body,
      contentType: headerOf(request, 'content-type') ?? 'application/octet-stream',
      metadata: metadataOf(request),
    });
    targets.onObjectEvent({
      eventName: 'ObjectCreated:Put',
      bucket,
      key,
      size: body.length,
      eTag: result.headers.get('etag') ?? undefined,
      sourceIp,
    });
  } else if (method === 'POST' && key && query.has('uploadId')) {
    await recordStoredObject(
      targets,
      parsed,
      'ObjectCreated:CompleteMultipartUpload',
      result,
      sourceIp,
    );
  } else if (method === 'DELETE' && key && !query.has('uploadId')) {
    targets.archive.remove(bucket, key);
    targets.onObjectEvent({ eventName: 'ObjectRemoved:Delete', bucket, key, sourceIp });
  } else if (method === 'POST' && !key && query.has('delete')) {
    for (const deleted of xmlValues(body.toString('utf8'), 'Key')) {
      targets.archive.remove(bucket, deleted);
      targets.onObjectEvent({ eventName: 'ObjectRemoved:Delete', bucket, key: deleted, sourceIp });
    }
  }
}

/** A copy or a completed upload: the body is what the backend now holds. */
async function recordStoredObject(
  targets: ObjectChangeTargets,
  { bucket, key }: S3Request,
  eventName: string,
  result: Response,
  sourceIp: string | undefined,
): Promise<void> {
  const stored = await targets.backend.get(bucket, key);
  if (!stored) return;
  targets.archive.save({ bucket, key, ...stored });
  const eTag = `"${createHash('md5').update(stored.body).digest('hex')}"`;
  targets.onObjectEvent({
    eventName,
    bucket,
    key,
    size: stored.body.length,
    eTag: result.headers.get('etag') ?? eTag,
    sourceIp,
  });
}
