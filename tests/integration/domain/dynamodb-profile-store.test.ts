import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { DynamoDbProfileStore, newProfile } from '@mobile-backend/domain/data';
import { StaleVersionError } from '@mobile-backend/domain/http';
import { localDynamoDb, tableName, uniqueUserId } from './stores';

const { client, documents } = localDynamoDb();
const store = new DynamoDbProfileStore(documents, tableName('APP_TABLE_NAME'));
const now = new Date('2025-03-01T10:00:00.000Z');

const profileOf = (userId: string) =>
  newProfile({ userId, email: 'ada@example.com', groups: [] }, now);

afterAll(() => client.destroy());

describe('DynamoDbProfileStore', () => {
  it('reads back a created profile as active', async () => {
    const profile = profileOf(uniqueUserId());

    await store.create(profile);

    await expect(store.get(profile.userId)).resolves.toEqual({ status: 'active', profile });
  });

  it('refuses to create a second profile for the same user', async () => {
    const profile = profileOf(uniqueUserId());
    await store.create(profile);

    await expect(store.create(profile)).rejects.toBeInstanceOf(StaleVersionError);
  });

  it('replaces a profile at the expected version and refuses a stale one', async () => {
    const profile = profileOf(uniqueUserId());
    await store.create(profile);
    await store.putIfVersion({ ...profile, displayName: 'Ada', version: 2 }, 1);

    await expect(
      store.putIfVersion({ ...profile, displayName: 'Late', version: 2 }, 1),
    ).rejects.toBeInstanceOf(StaleVersionError);
    await expect(store.get(profile.userId)).resolves.toMatchObject({
      profile: { displayName: 'Ada', version: 2 },
    });
  });

  it('no longer accepts profile updates once the account is being deleted', async () => {
    const profile = profileOf(uniqueUserId());
    await store.create(profile);

    await store.markDeleting(profile.userId, now);

    await expect(store.get(profile.userId)).resolves.toEqual({ status: 'deleting' });
    await expect(store.putIfVersion({ ...profile, version: 3 }, 2)).rejects.toBeInstanceOf(
      StaleVersionError,
    );
  });

  it('marks an account without a profile as being deleted', async () => {
    const userId = uniqueUserId();

    await store.markDeleting(userId, now);

    await expect(store.get(userId)).resolves.toEqual({ status: 'deleting' });
  });

  it('erases the profile data, leaving an expiring tombstone', async () => {
    const profile = profileOf(uniqueUserId());
    await store.create(profile);
    await store.markDeleting(profile.userId, now);

    await store.erase(profile.userId, now);

    await expect(store.get(profile.userId)).resolves.toEqual({ status: 'deleted' });
    const { Item: record } = await documents.send(
      new GetCommand({
        TableName: tableName('APP_TABLE_NAME'),
        Key: { PK: `USER#${profile.userId}`, SK: 'PROFILE' },
      }),
    );
    expect(record).not.toHaveProperty('email');
    expect(record?.expiresAt).toBeGreaterThan(now.getTime() / 1000);
  });
});
