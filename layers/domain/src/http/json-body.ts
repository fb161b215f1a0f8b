import {
  BadRequestError,
  PayloadTooLargeError,
  UnsupportedMediaTypeError,
  ValidationError,
} from '../errors';
import { jsonLimitErrors } from './json-limits';

/** Largest accepted request body; an item is at most 64 KiB serialized, so nothing bigger can be valid. */
export const MAX_JSON_BODY_BYTES = 64 * 1024;

// application/json, or a structured +json type such as application/merge-patch+json.
const JSON_MEDIA_TYPE = /^application\/(?:[\w.-]+\+)?json$/;

function isJsonContentType(header: string | null): boolean {
  if (header === null) return false;
  const [mediaType = '', ...parameters] = header
    .split(';')
    .map((part) => part.trim().toLowerCase());
  if (!JSON_MEDIA_TYPE.test(mediaType)) return false;
  const charset = parameters.find((parameter) => parameter.startsWith('charset='));
  return charset === undefined || charset.replace(/"/g, '') === 'charset=utf-8';
}

/**
 * Reads a request's JSON body: 415 for another content type, 413 above the
 * size limit (checked before parsing), 400 for a missing or malformed body,
 * 422 for values no store could keep exactly (json-limits.ts), checked before
 * anything else reads the body, idempotency's hashing included.
 * What the JSON must look like is the schemas' business (422).
 */
export async function readJsonBody(
  request: Request,
  maxBytes: number = MAX_JSON_BODY_BYTES,
): Promise<unknown> {
  if (!isJsonContentType(request.headers.get('content-type'))) {
    throw new UnsupportedMediaTypeError('The request body must be application/json (UTF-8).');
  }
  const text = await request.text();
  if (Buffer.byteLength(text, 'utf8') > maxBytes) {
    throw new PayloadTooLargeError(`The request body must not exceed ${maxBytes} bytes.`);
  }
  if (text.trim() === '') throw new BadRequestError('A JSON request body is required.');
  let body: unknown;
  try {
    body = JSON.parse(text) as unknown;
  } catch {
    throw new BadRequestError('The request body is not valid JSON.');
  }
  const errors = jsonLimitErrors(body);
  if (errors.length > 0) throw new ValidationError(errors);
  return body;
}
