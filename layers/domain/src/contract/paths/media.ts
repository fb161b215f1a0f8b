import * as z from 'zod';
import type { ZodOpenApiPathsObject } from 'zod-openapi';
import { MEDIA_TYPES, newMediaSchema } from '../../media/media';
import { DEFAULT_MEDIA_MAX_BYTES } from '../../media/media-config';
import { createdHeaders, IdempotencyKeyHeader } from '../headers';
import { MediaQuery, pathId } from '../parameters';
import { problems } from '../problems';
import { MediaSchema, MediaUploadSchema } from '../resources';
import { jsonBody, jsonReply, noContent } from '../responses';

/** With the template's defaults; `MediaMaxBytes` and `MediaAllowedTypes` can narrow it. */
const NewMediaSchema = newMediaSchema({
  maxBytes: DEFAULT_MEDIA_MAX_BYTES,
  allowedTypes: MEDIA_TYPES,
}).meta({ id: 'NewMedia' });

const MediaPath = { path: z.object({ mediaId: pathId('The media id (ULID)') }) };

export const mediaPaths: ZodOpenApiPathsObject = {
  '/v1/media': {
    post: {
      operationId: 'requestMediaUpload',
      tags: ['Media'],
      summary: 'A pending media and the presigned PUT that uploads its bytes to S3',
      requestParams: { header: IdempotencyKeyHeader },
      requestBody: jsonBody(NewMediaSchema),
      responses: {
        '201': jsonReply(
          'The upload to make before `expiresAt`',
          MediaUploadSchema,
          createdHeaders('/v1/media/{mediaId}', false),
        ),
        ...problems(
          'bad-request',
          'idempotency-in-progress',
          'payload-too-large',
          'unsupported-media-type',
          'validation-failed',
          'idempotency-key-reused',
        ),
      },
    },
  },
  '/v1/media/{mediaId}': {
    get: {
      operationId: 'getMedia',
      tags: ['Media'],
      summary: "An own media in any state, or a ready one seen through a public item's ?item=",
      requestParams: { ...MediaPath, query: MediaQuery },
      responses: {
        '200': jsonReply('The media; poll until `status` is not `pending`', MediaSchema),
        ...problems('not-found'),
      },
    },
    delete: {
      operationId: 'deleteMedia',
      tags: ['Media'],
      summary: 'Deletes an own media, its object and every version',
      requestParams: MediaPath,
      responses: { '204': noContent, ...problems('not-found') },
    },
  },
};
