// Building blocks of successful responses.
import type * as z from 'zod';
import type { ZodOpenApiResponseObject } from 'zod-openapi';
import { ResponseHeaders, VersionedHeaders } from './headers';

export const JSON_TYPE = 'application/json';
/** PATCH bodies: JSON merge patches, also accepted as plain JSON. */
export const MERGE_PATCH_TYPES = ['application/merge-patch+json', JSON_TYPE] as const;

export function jsonReply(
  description: string,
  schema: z.ZodType,
  headers: z.ZodObject = ResponseHeaders,
): ZodOpenApiResponseObject {
  return { description, headers, content: { [JSON_TYPE]: { schema } } };
}

/** A profile or item with its `ETag`. */
export function versionedReply(description: string, schema: z.ZodType): ZodOpenApiResponseObject {
  return jsonReply(description, schema, VersionedHeaders);
}

export const noContent: ZodOpenApiResponseObject = {
  description: 'Done; no body',
  headers: ResponseHeaders,
};

export function jsonBody(schema: z.ZodType, types: readonly string[] = [JSON_TYPE]) {
  return {
    required: true,
    content: Object.fromEntries(types.map((type) => [type, { schema }])),
  };
}
