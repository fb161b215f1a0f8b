import { DynamoDbConnectionStore, newConnection } from '@mobile-backend/domain/realtime';
import { localDynamoDb, tableName, uniqueUserId } from './stores';

const { client, documents } = localDynamoDb();
const store = new DynamoDbConnectionStore(documents, tableName('APP_TABLE_NAME'));
const now = new Date('2025-03-01T10:00:00.000Z');

afterAll(() => client.destroy());

describe('DynamoDbConnectionStore', () => {
  it('lists the connections of a user through the user index', async () => {
    const userId = uniqueUserId();
    const phone = newConnection(`phone-${userId}=`, userId, now);
    const tablet = newConnection(`tablet-${userId}=`, userId, now);
    await store.put(phone);
    await store.put(tablet);
    await store.put(newConnection(`other-${userId}=`, uniqueUserId(), now));

    const listed = await store.listByUser(userId, now);

    expect(listed.sort((a, b) => a.connectionId.localeCompare(b.connectionId))).toEqual([
      phone,
      tablet,
    ]);
  });

  it('leaves out connections whose 2-hour lifetime is over, before TTL deletes them', async () => {
    const userId = uniqueUserId();
    await store.put(newConnection(`old-${userId}=`, userId, now));

    const listed = await store.listByUser(userId, new Date(now.getTime() + 2 * 3600 * 1000 + 1000));

    expect(listed).toEqual([]);
  });

  it('removes one connection by id, and removing it again is not an error', async () => {
    const userId = uniqueUserId();
    const connection = newConnection(`gone-${userId}=`, userId, now);
    await store.put(connection);

    await store.remove(connection.connectionId);
    await store.remove(connection.connectionId);

    await expect(store.listByUser(userId, now)).resolves.toEqual([]);
  });

  it('removes every connection of a user and names them', async () => {
    const userId = uniqueUserId();
    await store.put(newConnection(`a-${userId}=`, userId, now));
    await store.put(newConnection(`b-${userId}=`, userId, now));

    const removed = await store.removeAllByUser(userId);

    expect(removed.sort()).toEqual([`a-${userId}=`, `b-${userId}=`]);
    await expect(store.listByUser(userId, now)).resolves.toEqual([]);
  });
});
