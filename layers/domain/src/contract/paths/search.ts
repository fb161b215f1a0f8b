import type { ZodOpenApiPathsObject } from 'zod-openapi';
import { SearchQuery } from '../parameters';
import { problems } from '../problems';
import { SearchPageSchema } from '../resources';
import { jsonReply } from '../responses';

export const searchPaths: ZodOpenApiPathsObject = {
  '/v1/search': {
    get: {
      operationId: 'search',
      tags: ['Search'],
      summary:
        "Full-text search over public items and the caller's own; q, tags or owner is required",
      requestParams: { query: SearchQuery },
      responses: {
        '200': jsonReply(
          'A page of hits, by relevance with `q`, else newest first',
          SearchPageSchema,
        ),
        ...problems('bad-request'),
      },
    },
  },
};
