import * as z from 'zod';
import type { ZodOpenApiPathsObject } from 'zod-openapi';
import { ItemContentSchema, ItemPatchSchema } from '../../items/item';
import { createdHeaders, IdempotencyKeyHeader, IfMatchHeader } from '../headers';
import { PageQuery, pathId } from '../parameters';
import { problems } from '../problems';
import { ItemListSchema, ItemSchema } from '../resources';
import { jsonBody, jsonReply, MERGE_PATCH_TYPES, noContent, versionedReply } from '../responses';

const ItemPath = { path: z.object({ id: pathId('The item id (ULID)') }) };

export const itemPaths: ZodOpenApiPathsObject = {
  '/v1/items': {
    get: {
      operationId: 'listItems',
      tags: ['Items'],
      summary: "The caller's own items, newest first",
      requestParams: { query: PageQuery },
      responses: {
        '200': jsonReply('A page of items', ItemListSchema),
        ...problems('bad-request'),
      },
    },
    post: {
      operationId: 'createItem',
      tags: ['Items'],
      summary: 'Creates an item (private unless visibility says otherwise)',
      requestParams: { header: IdempotencyKeyHeader },
      requestBody: jsonBody(ItemContentSchema),
      responses: {
        '201': jsonReply('The item, version 1', ItemSchema, createdHeaders('/v1/items/{id}', true)),
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
  '/v1/items/{id}': {
    get: {
      operationId: 'getItem',
      tags: ['Items'],
      summary: "An item of the caller's, or a public one",
      requestParams: ItemPath,
      responses: {
        '200': versionedReply('The item', ItemSchema),
        ...problems('not-found'),
      },
    },
    patch: {
      operationId: 'updateItem',
      tags: ['Items'],
      summary: 'A JSON merge patch of an own item; data merges recursively',
      requestParams: { ...ItemPath, header: IfMatchHeader },
      requestBody: jsonBody(ItemPatchSchema, MERGE_PATCH_TYPES),
      responses: {
        '200': versionedReply('The item, one version more', ItemSchema),
        ...problems(
          'bad-request',
          'not-found',
          'conflict',
          'precondition-failed',
          'payload-too-large',
          'unsupported-media-type',
          'validation-failed',
        ),
      },
    },
    delete: {
      operationId: 'deleteItem',
      tags: ['Items'],
      summary: 'Deletes an own item',
      requestParams: { ...ItemPath, header: IfMatchHeader },
      responses: {
        '204': noContent,
        ...problems('bad-request', 'not-found', 'conflict', 'precondition-failed'),
      },
    },
  },
};
