import * as z from 'zod';
import type { ZodOpenApiPathsObject } from 'zod-openapi';
import { pathId, SearchQuery } from '../parameters';
import { problems } from '../problems';
import { ItemSchema, SearchPageSchema } from '../resources';
import { jsonReply, versionedReply } from '../responses';

/** Guests' identity-pool credentials, SigV4-signed (API Gateway `AWS_IAM`), not a bearer token. */
export const SIGV4_SCHEME = 'SigV4';

const guest = [{ [SIGV4_SCHEME]: [] }];

export const publicPaths: ZodOpenApiPathsObject = {
  '/v1/public/search': {
    get: {
      operationId: 'searchPublic',
      tags: ['Guests'],
      summary: 'Full-text search over public items only, for guests; q, tags or owner is required',
      security: guest,
      requestParams: { query: SearchQuery },
      responses: {
        '200': jsonReply(
          'A page of public hits, by relevance with `q`, else newest first',
          SearchPageSchema,
        ),
        ...problems('bad-request', 'not-found'),
      },
    },
  },
  '/v1/public/items/{id}': {
    get: {
      operationId: 'getPublicItem',
      tags: ['Guests'],
      summary: 'A public item, for guests; a private one is a 404',
      security: guest,
      requestParams: { path: z.object({ id: pathId('The item id (ULID)') }) },
      responses: {
        '200': versionedReply('The public item', ItemSchema),
        ...problems('not-found'),
      },
    },
  },
};
