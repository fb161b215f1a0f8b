import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { DynamoDBRecord } from 'aws-lambda';
import * as z from 'zod';
import type { Item } from '../items/item';
import { searchDocumentOf } from './search-document';
import type { IndexChange } from './search-index';

// An item as the table stores it (dynamodb-item-store.ts); only what search needs is checked.
const StoredItem = z.object({
  entity: z.literal('item'),
  id: z.string().min(1),
  ownerId: z.string().min(1),
  title: z.string(),
  body: z.string().default(''),
  tags: z.array(z.string()).default([]),
  visibility: z.enum(['private', 'public']),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number().int(),
});

const StoredKey = z.object({
  entity: z.literal('item'),
  id: z.string().min(1),
  version: z.number(),
});

type Image = NonNullable<NonNullable<DynamoDBRecord['dynamodb']>['NewImage']>;

function plain(image: Image | undefined): Record<string, unknown> {
  if (!image)
    throw new Error('The stream record has no image; the stream must be NEW_AND_OLD_IMAGES');
  // aws-lambda's AttributeValue and the SDK's describe the same JSON.
  return unmarshall(image as Record<string, AttributeValue>);
}

/**
 * What a stream record means for the index: INSERT and MODIFY add or replace
 * the item's document, REMOVE deletes it. Undefined for records that are not
 * items (the event source's filter normally keeps them out). Throws on a
 * record it cannot read, which fails that record alone.
 */
export function indexChangeOf(record: DynamoDBRecord): IndexChange | undefined {
  if (record.eventName === 'REMOVE') {
    const old = plain(record.dynamodb?.OldImage);
    if (old.entity !== 'item') return undefined;
    const { id, version } = StoredKey.parse(old);
    return { type: 'delete', id, version };
  }
  return upsertOfStoredItem(plain(record.dynamodb?.NewImage));
}

/**
 * The upsert for an item as the table stores it (a stream image, or a row
 * the reindex backfill scanned); undefined for other records.
 */
export function upsertOfStoredItem(record: Record<string, unknown>): IndexChange | undefined {
  if (record.entity !== 'item') return undefined;
  const stored = StoredItem.parse(record);
  const item: Item = { ...stored, data: {}, mediaIds: [] };
  return { type: 'upsert', document: searchDocumentOf(item) };
}
