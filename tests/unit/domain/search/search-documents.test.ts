import { readFileSync } from 'node:fs';
import type { DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import type { Item } from '../../../../layers/domain/src/items/item';
import { searchDocumentOf } from '../../../../layers/domain/src/search/search-document';
import {
  SEARCH_FIELD_NAME,
  SEARCH_INDEX_FIELDS,
} from '../../../../layers/domain/src/search/search-index-fields';
import { indexChangeOf } from '../../../../layers/domain/src/search/dynamodb-stream-changes';

const sample = JSON.parse(
  readFileSync('events/search-indexer/item-changes.json', 'utf8'),
) as DynamoDBStreamEvent;
const [insert, modify, remove] = sample.Records as [DynamoDBRecord, DynamoDBRecord, DynamoDBRecord];

const item: Item = {
  id: '01JD8Y3M6Z0000000000000001',
  ownerId: 'owner-1',
  title: 'Bike',
  body: 'Red',
  tags: ['bikes'],
  visibility: 'public',
  data: { secret: 'not indexed' },
  mediaIds: ['m1'],
  createdAt: '2026-11-22T10:00:00.000Z',
  updatedAt: '2026-11-22T11:00:00.000Z',
  version: 3,
};

describe('search documents', () => {
  it('maps an item to a document keyed by the item id, without data or media', () => {
    const document = searchDocumentOf(item);

    expect(document).toEqual({
      id: item.id,
      fields: {
        owner_id: 'owner-1',
        visibility: 'public',
        title: 'Bike',
        body: 'Red',
        tags: ['bikes'],
        created_at: '2026-11-22T10:00:00.000Z',
        updated_at: '2026-11-22T11:00:00.000Z',
        version: 3,
      },
    });
  });

  it('uses only field names that are valid and defined for the domain', () => {
    const names = Object.keys(searchDocumentOf(item).fields);
    const defined = SEARCH_INDEX_FIELDS.map((field) => field.name);

    expect(names.filter((name) => !SEARCH_FIELD_NAME.test(name))).toEqual([]);
    expect(names.filter((name) => !defined.includes(name))).toEqual([]);
  });

  it('turns an INSERT record into an upsert of the new image', () => {
    const change = indexChangeOf(insert);

    expect(change).toMatchObject({
      type: 'upsert',
      document: { id: '01JD8Y3M6Z0000000000000001', fields: { version: 1, visibility: 'public' } },
    });
  });

  it('turns a MODIFY record into an upsert of the new image, not the old one', () => {
    const change = indexChangeOf(modify);

    expect(change).toMatchObject({
      type: 'upsert',
      document: {
        fields: { title: 'Trail running shoes, size 42', visibility: 'private', version: 2 },
      },
    });
  });

  it('turns a REMOVE record into a delete of the old image id', () => {
    expect(indexChangeOf(remove)).toEqual({
      type: 'delete',
      id: '01JD8Y3M6Z0000000000000001',
      version: 2,
    });
  });

  it('ignores records of other entities', () => {
    const profile: DynamoDBRecord = {
      ...insert,
      dynamodb: { ...insert.dynamodb, NewImage: { entity: { S: 'profile' }, userId: { S: 'u' } } },
    };

    expect(indexChangeOf(profile)).toBeUndefined();
  });

  it('throws on an item record it cannot read', () => {
    const broken: DynamoDBRecord = {
      ...insert,
      dynamodb: { ...insert.dynamodb, NewImage: { entity: { S: 'item' }, id: { S: 'x' } } },
    };

    expect(() => indexChangeOf(broken)).toThrow();
  });
});
