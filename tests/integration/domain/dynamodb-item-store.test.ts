import { monotonicFactory } from 'ulid';
import { DynamoDbItemStore } from '@mobile-backend/domain/data';
import { StaleVersionError } from '@mobile-backend/domain/http';
import { anItem, localDynamoDb, tableName, uniqueUserId } from './stores';

const { client, documents } = localDynamoDb();
const store = new DynamoDbItemStore(documents, tableName('APP_TABLE_NAME'));
const newId = monotonicFactory();

afterAll(() => client.destroy());

describe('DynamoDbItemStore', () => {
  it('reads back an item it created, with every field', async () => {
    const item = anItem(newId(), uniqueUserId(), {
      tags: ['a', 'b'],
      visibility: 'public',
      data: { nested: { list: [1, 'two', null], flag: true } },
      mediaIds: ['m1'],
    });

    await store.create(item);

    await expect(store.get(item.id)).resolves.toEqual(item);
  });

  it('stores data whose keys are names of Object.prototype, and reads them back unchanged', async () => {
    const data = { constructor: 1, toString: { valueOf: 'x' }, hasOwnProperty: [true] };
    const item = anItem(newId(), uniqueUserId(), { data });

    await store.create(item);

    await expect(store.get(item.id)).resolves.toMatchObject({ data });
  });

  it('returns undefined for an unknown id', async () => {
    await expect(store.get(newId())).resolves.toBeUndefined();
  });

  it('refuses to create an item whose id exists', async () => {
    const item = anItem(newId(), uniqueUserId());
    await store.create(item);

    await expect(store.create({ ...item, title: 'other' })).rejects.toBeInstanceOf(
      StaleVersionError,
    );
  });

  it('replaces an item at the expected version', async () => {
    const item = anItem(newId(), uniqueUserId());
    await store.create(item);

    await store.putIfVersion({ ...item, title: 'new', version: 2 }, 1);

    await expect(store.get(item.id)).resolves.toMatchObject({ title: 'new', version: 2 });
  });

  it('refuses a replacement based on a stale version', async () => {
    const item = anItem(newId(), uniqueUserId());
    await store.create(item);
    await store.putIfVersion({ ...item, title: 'first', version: 2 }, 1);

    await expect(
      store.putIfVersion({ ...item, title: 'second', version: 2 }, 1),
    ).rejects.toBeInstanceOf(StaleVersionError);
    await expect(store.get(item.id)).resolves.toMatchObject({ title: 'first' });
  });

  it('deletes an item only at the expected version', async () => {
    const item = anItem(newId(), uniqueUserId(), { version: 3 });
    await store.create(item);

    await expect(store.deleteIfVersion(item.id, 2)).rejects.toBeInstanceOf(StaleVersionError);
    await store.deleteIfVersion(item.id, 3);

    await expect(store.get(item.id)).resolves.toBeUndefined();
  });

  it("lists an owner's items newest first across pages, without other owners' items", async () => {
    const owner = uniqueUserId();
    const ids = Array.from({ length: 5 }, () => newId());
    for (const id of ids) await store.create(anItem(id, owner));
    await store.create(anItem(newId(), uniqueUserId()));

    const first = await store.listByOwner(owner, { limit: 2 });
    const second = await store.listByOwner(owner, { limit: 2, after: first.nextKey });
    const third = await store.listByOwner(owner, { limit: 2, after: second.nextKey });

    const listed = [...first.items, ...second.items, ...third.items].map((item) => item.id);
    expect(listed).toEqual([...ids].reverse());
    expect(third.nextKey).toBeUndefined();
  });

  it('ends without a next page when the last page is exactly full', async () => {
    const owner = uniqueUserId();
    for (let i = 0; i < 2; i++) await store.create(anItem(newId(), owner));

    const page = await store.listByOwner(owner, { limit: 2 });

    expect(page.items).toHaveLength(2);
    expect(page.nextKey).toBeUndefined();
  });

  it("deletes a page of an owner's items, more than one batch of 25, and nobody else's", async () => {
    const owner = uniqueUserId();
    const bystander = anItem(newId(), uniqueUserId());
    await store.create(bystander);
    for (let i = 0; i < 30; i++) await store.create(anItem(newId(), owner));

    const firstPage = await store.deleteOwnedPage(owner, 27);
    const lastPage = await store.deleteOwnedPage(owner, 27);

    expect([firstPage, lastPage]).toEqual([27, 3]);
    await expect(store.listByOwner(owner, { limit: 10 })).resolves.toEqual({ items: [] });
    await expect(store.get(bystander.id)).resolves.toEqual(bystander);
  });
});
