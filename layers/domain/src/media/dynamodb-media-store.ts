import {
  DeleteCommand,
  GetCommand,
  PutCommand,
  QueryCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { isConditionFailure } from '../dynamodb';
import { StaleVersionError } from '../errors';
import type { Media } from './media';
import type { MediaStore, MediaVerdict } from './media-store';

// Single-table layout: the media under its own partition, and in GSI1 under
// its owner (beside the owner's items) so an account's media can be listed.
const mediaKey = (mediaId: string) => ({ PK: `MEDIA#${mediaId}`, SK: 'MEDIA' });
const ownerIndexKey = (media: Pick<Media, 'mediaId' | 'ownerId'>) => ({
  GSI1PK: `OWNER#${media.ownerId}`,
  GSI1SK: `MEDIA#${media.mediaId}`,
});

function fromRecord(record: Record<string, unknown>): Media {
  // Only this adapter writes these records, so their shape is known.
  const r = record as unknown as Media;
  return {
    mediaId: r.mediaId,
    ownerId: r.ownerId,
    status: r.status,
    contentType: r.contentType,
    size: r.size,
    fileName: r.fileName ?? null,
    key: r.key,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
    ...(r.rejectionReason !== undefined && { rejectionReason: r.rejectionReason }),
  };
}

export class DynamoDbMediaStore implements MediaStore {
  constructor(
    private readonly documents: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async create(media: Media): Promise<void> {
    try {
      await this.documents.send(
        new PutCommand({
          TableName: this.tableName,
          Item: { ...mediaKey(media.mediaId), ...ownerIndexKey(media), entity: 'media', ...media },
          ConditionExpression: 'attribute_not_exists(PK)',
        }),
      );
    } catch (error) {
      if (isConditionFailure(error)) throw new StaleVersionError('The media id is taken.');
      throw error;
    }
  }

  async get(mediaId: string): Promise<Media | undefined> {
    const { Item: record } = await this.documents.send(
      new GetCommand({ TableName: this.tableName, Key: mediaKey(mediaId), ConsistentRead: true }),
    );
    return record ? fromRecord(record) : undefined;
  }

  async settle(mediaId: string, verdict: MediaVerdict, at: Date): Promise<boolean> {
    const values: Record<string, unknown> = {
      ':status': verdict.status,
      ':pending': 'pending',
      ':at': at.toISOString(),
    };
    const sets = ['#status = :status', 'updatedAt = :at'];
    if (verdict.size !== undefined) {
      sets.push('#size = :size');
      values[':size'] = verdict.size;
    }
    if (verdict.reason !== undefined) {
      sets.push('rejectionReason = :reason');
      values[':reason'] = verdict.reason;
    }
    try {
      await this.documents.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: mediaKey(mediaId),
          UpdateExpression: `SET ${sets.join(', ')}`,
          ConditionExpression: '#status = :pending',
          ExpressionAttributeNames: {
            '#status': 'status',
            ...(verdict.size !== undefined && { '#size': 'size' }),
          },
          ExpressionAttributeValues: values,
        }),
      );
      return true;
    } catch (error) {
      if (isConditionFailure(error)) return false;
      throw error;
    }
  }

  async delete(mediaId: string): Promise<void> {
    await this.documents.send(
      new DeleteCommand({ TableName: this.tableName, Key: mediaKey(mediaId) }),
    );
  }

  async idsByOwner(ownerId: string, limit: number): Promise<string[]> {
    const { Items: records = [] } = await this.documents.send(
      new QueryCommand({
        TableName: this.tableName,
        IndexName: 'GSI1',
        KeyConditionExpression: 'GSI1PK = :owner AND begins_with(GSI1SK, :prefix)',
        ExpressionAttributeValues: { ':owner': `OWNER#${ownerId}`, ':prefix': 'MEDIA#' },
        ProjectionExpression: 'mediaId',
        Limit: limit,
      }),
    );
    return records.map((record) => String(record.mediaId));
  }
}
