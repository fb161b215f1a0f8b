import { DeleteCommand, GetCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { batchDelete, isConditionFailure } from '../dynamodb';
import { StaleVersionError } from '../errors';
import type { PageKey } from '../pagination/cursor';
import type { Item } from './item';
import type { ItemPage, ItemStore } from './item-store';

// Single-table layout: the item under its own partition, and in GSI1 under its
// owner so that ULID order lists an owner's items newest first.
const itemKey = (id: string) => ({ PK: `ITEM#${id}`, SK: 'ITEM' });
const ownerIndexKey = (item: Pick<Item, 'id' | 'ownerId'>) => ({
  GSI1PK: `OWNER#${item.ownerId}`,
  GSI1SK: `ITEM#${item.id}`,
});

type ItemRecord = Item & Record<'PK' | 'SK' | 'GSI1PK' | 'GSI1SK' | 'entity', string>;

function toRecord(item: Item): ItemRecord {
  return { ...itemKey(item.id), ...ownerIndexKey(item), entity: 'item', ...item };
}

function fromRecord(record: Record<string, unknown>): Item {
  const {
    id,
    ownerId,
    title,
    body,
    tags,
    visibility,
    data,
    mediaIds,
    createdAt,
    updatedAt,
    version,
  } = record as ItemRecord;
  return {
    id,
    ownerId,
    title,
    body,
    tags,
    visibility,
    data,
    mediaIds,
    createdAt,
    updatedAt,
    version,
  };
}

export class DynamoDbItemStore implements ItemStore {
  constructor(
    private readonly documents: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async get(id: string): Promise<Item | undefined> {
    const { Item: record } = await this.documents.send(
      new GetCommand({ TableName: this.tableName, Key: itemKey(id), ConsistentRead: true }),
    );
    return record ? fromRecord(record) : undefined;
  }

  async create(item: Item): Promise<void> {
    await this.conditionally(
      new PutCommand({
        TableName: this.tableName,
        Item: toRecord(item),
        ConditionExpression: 'attribute_not_exists(PK)',
      }),
    );
  }

  async putIfVersion(item: Item, expectedVersion: number): Promise<void> {
    await this.conditionally(
      new PutCommand({
        TableName: this.tableName,
        Item: toRecord(item),
        ConditionExpression: 'version = :expected',
        ExpressionAttributeValues: { ':expected': expectedVersion },
      }),
    );
  }

  async deleteIfVersion(id: string, expectedVersion: number): Promise<void> {
    await this.conditionally(
      new DeleteCommand({
        TableName: this.tableName,
        Key: itemKey(id),
        ConditionExpression: 'version = :expected',
        ExpressionAttributeValues: { ':expected': expectedVersion },
      }),
    );
  }

  async listByOwner(ownerId: string, page: { limit: number; after?: PageKey }): Promise<ItemPage> {
    // One extra item tells whether another page exists, so the last page has no cursor.
    const { Items: records = [] } = await this.documents.send(
      new QueryCommand({
        TableName: this.tableName,
        IndexName: 'GSI1',
        KeyConditionExpression: 'GSI1PK = :owner AND begins_with(GSI1SK, :prefix)',
        ExpressionAttributeValues: { ':owner': `OWNER#${ownerId}`, ':prefix': 'ITEM#' },
        ScanIndexForward: false,
        Limit: page.limit + 1,
        ExclusiveStartKey: page.after,
      }),
    );
    const items = records.slice(0, page.limit).map(fromRecord);
    const last = items.at(-1);
    if (records.length <= page.limit || last === undefined) return { items };
    return { items, nextKey: { ...itemKey(last.id), ...ownerIndexKey(last) } };
  }

  // Always the first page: the items of the page before are gone, so no cursor is needed.
  async deleteOwnedPage(ownerId: string, limit: number): Promise<number> {
    const { Items: records = [] } = await this.documents.send(
      new QueryCommand({
        TableName: this.tableName,
        IndexName: 'GSI1',
        KeyConditionExpression: 'GSI1PK = :owner AND begins_with(GSI1SK, :prefix)',
        ExpressionAttributeValues: { ':owner': `OWNER#${ownerId}`, ':prefix': 'ITEM#' },
        ProjectionExpression: 'PK, SK',
        Limit: limit,
      }),
    );
    const keys = records.map((record) => ({ PK: String(record.PK), SK: String(record.SK) }));
    await batchDelete(this.documents, this.tableName, keys);
    return keys.length;
  }

  private async conditionally(command: PutCommand | DeleteCommand): Promise<void> {
    try {
      // Separate calls: send() cannot take a union of command types.
      if (command instanceof PutCommand) await this.documents.send(command);
      else await this.documents.send(command);
    } catch (error) {
      if (isConditionFailure(error)) {
        throw new StaleVersionError('The item was changed or removed by another request.');
      }
      throw error;
    }
  }
}
