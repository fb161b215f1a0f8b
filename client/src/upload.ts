// The presigned upload: POST /v1/media answers with a URL and the exact
// headers S3 checks; the bytes go straight to S3 with them.
import type { Schemas } from './typed-routes';

export type MediaUpload = Schemas['MediaUpload'];

export async function uploadTo(
  upload: MediaUpload['upload'],
  bytes: Blob | ArrayBuffer | Uint8Array,
  send: typeof fetch = (input, init) => fetch(input, init),
): Promise<void> {
  // Content-Length is signed; fetch sets it from the body, so it is not copied.
  const headers = Object.fromEntries(
    Object.entries(upload.headers).filter(([name]) => name.toLowerCase() !== 'content-length'),
  );
  const response = await send(upload.url, {
    method: upload.method,
    headers,
    body: bytes as RequestInit['body'],
  });
  if (!response.ok) {
    throw new Error(`Upload refused: ${response.status} ${await response.text()}`);
  }
}
