// Calls to the S3 server behind the front (fauxqs): it checks no signature,
// so the front alone decides who gets through.
import { xmlElements, xmlEscape, xmlValues } from './xml';

/** fauxqs accepts bodies up to 11 MiB; larger objects go in parts of this size. */
const PART_BYTES = 8 * 1024 * 1024;

const objectPath = (bucket: string, key: string): string =>
  `/${encodeURIComponent(bucket)}/${key.split('/').map(encodeURIComponent).join('/')}`;

export interface StoredObject {
  body: Buffer;
  contentType: string;
  metadata: Record<string, string>;
}

export function createBackend(endpoint: string) {
  const call = (path: string, init: RequestInit = {}): Promise<Response> =>
    fetch(`${endpoint}${path}`, init);

  async function expectOk(response: Response, what: string): Promise<Response> {
    if (!response.ok) throw await S3BackendError.of(response, what);
    return response;
  }

  return {
    call,

    async createBucket(bucket: string): Promise<void> {
      await expectOk(
        await call(`/${encodeURIComponent(bucket)}`, { method: 'PUT' }),
        `CreateBucket ${bucket}`,
      );
    },

    async exists(bucket: string, key: string): Promise<boolean> {
      const response = await call(objectPath(bucket, key), { method: 'HEAD' });
      return response.ok;
    },

    async get(bucket: string, key: string): Promise<StoredObject | undefined> {
      const response = await call(objectPath(bucket, key));
      if (!response.ok) return undefined;
      const metadata: Record<string, string> = {};
      response.headers.forEach((value, name) => {
        if (name.startsWith('x-amz-meta-')) metadata[name.slice('x-amz-meta-'.length)] = value;
      });
      return {
        body: Buffer.from(await response.arrayBuffer()),
        contentType: response.headers.get('content-type') ?? 'application/octet-stream',
        metadata,
      };
    },

    /** Stores an object of any size: in one request, or as a multipart upload above 8 MiB. */
    async put(bucket: string, key: string, object: StoredObject): Promise<Response> {
      const headers: Record<string, string> = { 'content-type': object.contentType };
      for (const [name, value] of Object.entries(object.metadata))
        headers[`x-amz-meta-${name}`] = value;
      const path = objectPath(bucket, key);
      if (object.body.length <= PART_BYTES) {
        return call(path, { method: 'PUT', headers, body: object.body });
      }
      const created = await expectOk(
        await call(`${path}?uploads`, { method: 'POST', headers }),
        'CreateMultipartUpload',
      );
      const uploadId = xmlValues(await created.text(), 'UploadId')[0] ?? '';
      const id = encodeURIComponent(uploadId);
      const parts: string[] = [];
      for (let start = 0, n = 1; start < object.body.length; start += PART_BYTES, n += 1) {
        const part = await expectOk(
          await call(`${path}?partNumber=${n}&uploadId=${id}`, {
            method: 'PUT',
            body: object.body.subarray(start, start + PART_BYTES),
          }),
          'UploadPart',
        );
        parts.push(
          `<Part><PartNumber>${n}</PartNumber><ETag>${xmlEscape(part.headers.get('etag') ?? '')}</ETag></Part>`,
        );
      }
      const completed = await expectOk(
        await call(`${path}?uploadId=${id}`, {
          method: 'POST',
          headers: { 'content-type': 'application/xml' },
          body: `<CompleteMultipartUpload>${parts.join('')}</CompleteMultipartUpload>`,
        }),
        'CompleteMultipartUpload',
      );
      const eTag = xmlValues(await completed.text(), 'ETag')[0] ?? '';
      return new Response(null, { status: 200, headers: { etag: eTag } });
    },

    /** One page of current objects, as ListObjectsV2 lists them. */
    async list(bucket: string, prefix: string, startAfter: string, maxKeys: number) {
      const query = new URLSearchParams({ 'list-type': '2', prefix, 'max-keys': String(maxKeys) });
      if (startAfter) query.set('start-after', startAfter);
      const response = await expectOk(
        await call(`/${encodeURIComponent(bucket)}?${query}`),
        'ListObjectsV2',
      );
      const xml = await response.text();
      const contents = xmlElements(xml, 'Contents');
      return {
        truncated: xmlValues(xml, 'IsTruncated')[0] === 'true',
        objects: contents.map((entry) => ({
          key: xmlValues(entry, 'Key')[0] ?? '',
          lastModified: xmlValues(entry, 'LastModified')[0] ?? '',
          eTag: xmlValues(entry, 'ETag')[0] ?? '',
          size: Number(xmlValues(entry, 'Size')[0] ?? 0),
        })),
      };
    },
  };
}

export type Backend = ReturnType<typeof createBackend>;

/** An S3 error the backend answered (NoSuchBucket, ...): the front passes it on as S3 would. */
export class S3BackendError extends Error {
  override readonly name = 'S3BackendError';

  constructor(
    readonly status: number,
    readonly code: string,
    readonly detail: string,
    what: string,
  ) {
    super(`${what}: ${status} ${code} ${detail}`);
  }

  static async of(response: Response, what: string): Promise<S3BackendError> {
    const xml = await response.text();
    return new S3BackendError(
      response.status,
      xmlValues(xml, 'Code')[0] ?? 'InternalError',
      xmlValues(xml, 'Message')[0] ?? '',
      what,
    );
  }
}
