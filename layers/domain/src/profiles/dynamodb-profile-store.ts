import { GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { isConditionFailure } from '../dynamodb';
import { StaleVersionError } from '../errors';
import type { AccountStatus, Profile } from './profile';
import type { ProfileStore, StoredProfile } from './profile-store';

const profileKey = (userId: string) => ({ PK: `USER#${userId}`, SK: 'PROFILE' });

/**
 * A transaction item that holds only while the user's account is active (or
 * has no profile yet): a write in the same transaction cannot land once
 * account deletion has marked the profile, so the eraser, which runs after
 * the mark, finds everything written before it.
 */
export function activeAccountCheck(tableName: string, userId: string) {
  return {
    ConditionCheck: {
      TableName: tableName,
      Key: profileKey(userId),
      ConditionExpression: 'attribute_not_exists(PK) OR #status = :active',
      ExpressionAttributeNames: { '#status': 'status' },
      ExpressionAttributeValues: { ':active': 'active' },
    },
  };
}

/** Longer than any token issued before the deletion stays valid (Cognito: at most a day). */
const TOMBSTONE_SECONDS = 2 * 24 * 60 * 60;

type ProfileRecord = Profile & { status: AccountStatus };

function fromRecord(record: Record<string, unknown>): StoredProfile {
  // Only this adapter writes these records, so their shape is known.
  const r = record as unknown as ProfileRecord;
  if (r.status !== 'active') return { status: r.status };
  return {
    status: 'active',
    profile: {
      userId: r.userId,
      email: r.email ?? null,
      displayName: r.displayName ?? null,
      role: r.role,
      bio: r.bio ?? null,
      avatarMediaId: r.avatarMediaId ?? null,
      // Profiles stored before SMS notices existed have none of these.
      phoneNumber: r.phoneNumber ?? null,
      smsNotices: r.smsNotices ?? false,
      smsWithText: r.smsWithText ?? false,
      createdAt: r.createdAt,
      updatedAt: r.updatedAt,
      version: r.version,
    },
  };
}

export class DynamoDbProfileStore implements ProfileStore {
  constructor(
    private readonly documents: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async get(userId: string): Promise<StoredProfile | undefined> {
    const { Item: record } = await this.documents.send(
      new GetCommand({ TableName: this.tableName, Key: profileKey(userId), ConsistentRead: true }),
    );
    return record ? fromRecord(record) : undefined;
  }

  async create(profile: Profile): Promise<void> {
    await this.conditionally(
      new PutCommand({
        TableName: this.tableName,
        Item: this.toRecord(profile),
        ConditionExpression: 'attribute_not_exists(PK)',
      }),
    );
  }

  async putIfVersion(profile: Profile, expectedVersion: number): Promise<void> {
    await this.conditionally(
      new PutCommand({
        TableName: this.tableName,
        Item: this.toRecord(profile),
        ConditionExpression: 'version = :expected AND #status = :active',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':expected': expectedVersion, ':active': 'active' },
      }),
    );
  }

  async markDeleting(userId: string, at: Date): Promise<void> {
    await this.documents.send(
      new UpdateCommand({
        TableName: this.tableName,
        Key: profileKey(userId),
        UpdateExpression:
          'SET #status = :deleting, deletionRequestedAt = :at, entity = :entity, userId = :userId, ' +
          'version = if_not_exists(version, :zero) + :one',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: {
          ':deleting': 'deleting',
          ':at': at.toISOString(),
          ':entity': 'profile',
          ':userId': userId,
          ':zero': 0,
          ':one': 1,
        },
      }),
    );
  }

  async erase(userId: string, at: Date): Promise<void> {
    await this.documents.send(
      new PutCommand({
        TableName: this.tableName,
        Item: {
          ...profileKey(userId),
          entity: 'profile',
          status: 'deleted',
          expiresAt: Math.floor(at.getTime() / 1000) + TOMBSTONE_SECONDS,
        },
      }),
    );
  }

  private toRecord(profile: Profile): ProfileRecord & Record<'PK' | 'SK' | 'entity', string> {
    return { ...profileKey(profile.userId), entity: 'profile', status: 'active', ...profile };
  }

  private async conditionally(command: PutCommand): Promise<void> {
    try {
      await this.documents.send(command);
    } catch (error) {
      if (isConditionFailure(error)) {
        throw new StaleVersionError('The profile was changed by another request.');
      }
      throw error;
    }
  }
}
