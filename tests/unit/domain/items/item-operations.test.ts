import { jest } from '@jest/globals';
import {
  BadRequestError,
  ConflictError,
  CursorCodec,
  fixedCursorKeys,
  NotFoundError,
  PayloadTooLargeError,
  PreconditionFailedError,
  ValidationError,
} from '@mobile-backend/domain/http';
import { ItemOperations } from '@mobile-backend/domain/data';
import type { Item } from '@mobile-backend/domain/data';
import { InMemoryItemStore } from '../support/in-memory-stores';

const alice = 'alice';
const bob = 'bob';

function setup() {
  const store = new InMemoryItemStore();
  let clock = Date.parse('2025-03-01T10:00:00.000Z');
  const operations = new ItemOperations(store, new CursorCodec(fixedCursorKeys('s'.repeat(32))), {
    now: () => new Date((clock += 1000)),
  });
  return { store, operations };
}

/** Changes the stored item behind the operation's back, as a concurrent request would. */
function concurrentEdit(store: InMemoryItemStore, id: string): void {
  const item = store.items.get(id) as Item;
  store.items.set(id, { ...item, title: 'theirs', version: item.version + 1 });
}

describe('creating an item', () => {
  it('gives it a ULID, the owner, timestamps and version 1', async () => {
    const { operations } = setup();

    const item = await operations.create(alice, { title: 'Bike' });

    expect(item).toMatchObject({
      ownerId: alice,
      title: 'Bike',
      visibility: 'private',
      version: 1,
    });
    expect(item.id).toMatch(/^[0-9A-HJKMNP-TV-Z]{26}$/);
    expect(item.createdAt).toBe(item.updatedAt);
  });

  it('refuses invalid content with 422', async () => {
    const { operations } = setup();

    await expect(operations.create(alice, { title: '' })).rejects.toBeInstanceOf(ValidationError);
  });

  it('refuses an item above 64 KiB with 413', async () => {
    const { operations, store } = setup();

    await expect(
      operations.create(alice, { title: 't', data: { blob: 'x'.repeat(70_000) } }),
    ).rejects.toBeInstanceOf(PayloadTooLargeError);
    expect(store.items.size).toBe(0);
  });
});

describe('reading an item', () => {
  it("shows another user's public item", async () => {
    const { operations } = setup();
    const item = await operations.create(alice, { title: 'Bike', visibility: 'public' });

    await expect(operations.get(bob, item.id)).resolves.toEqual(item);
  });

  it('shows the owner their own private item', async () => {
    const { operations } = setup();
    const item = await operations.create(alice, { title: 'Diary' });

    await expect(operations.get(alice, item.id)).resolves.toEqual(item);
  });

  it("hides another user's private item as 404", async () => {
    const { operations } = setup();
    const item = await operations.create(alice, { title: 'Diary' });

    await expect(operations.get(bob, item.id)).rejects.toBeInstanceOf(NotFoundError);
  });

  it('answers 404 for an id that cannot be an item id', async () => {
    const { operations } = setup();

    await expect(operations.get(alice, '../PROFILE')).rejects.toBeInstanceOf(NotFoundError);
  });

  it('never asks the store for an id that cannot be an item id', async () => {
    const { store, operations } = setup();
    const item = await operations.create(alice, { title: 'Bike' });
    const asked = jest.spyOn(store, 'get');

    await expect(operations.get(alice, `${item.id}#PROFILE`)).rejects.toBeInstanceOf(NotFoundError);

    expect(asked).not.toHaveBeenCalled();
  });
});

describe('reading a public item as a guest', () => {
  it('shows a public item', async () => {
    const { operations } = setup();
    const item = await operations.create(alice, { title: 'Bike', visibility: 'public' });

    await expect(operations.getPublic(item.id)).resolves.toEqual(item);
  });

  it('hides a private item as 404', async () => {
    const { operations } = setup();
    const item = await operations.create(alice, { title: 'Diary' });

    await expect(operations.getPublic(item.id)).rejects.toBeInstanceOf(NotFoundError);
  });

  it('answers 404 for an id that cannot be an item id', async () => {
    const { operations } = setup();

    await expect(operations.getPublic('../PROFILE')).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe('listing items', () => {
  it("returns only the caller's items, newest first, page by page", async () => {
    const { operations } = setup();
    const created: Item[] = [];
    for (let i = 0; i < 5; i++) created.push(await operations.create(alice, { title: `a${i}` }));
    await operations.create(bob, { title: 'b' });

    const first = await operations.list(alice, { limit: 2 });
    const second = await operations.list(alice, { limit: 2, cursor: first.nextCursor ?? '' });
    const third = await operations.list(alice, { limit: 2, cursor: second.nextCursor ?? '' });

    const titles = [...first.items, ...second.items, ...third.items].map((item) => item.title);
    expect(titles).toEqual(['a4', 'a3', 'a2', 'a1', 'a0']);
    expect(third.nextCursor).toBeNull();
  });

  it("refuses another user's cursor with 400", async () => {
    const { operations } = setup();
    for (let i = 0; i < 3; i++) await operations.create(alice, { title: `a${i}` });
    const { nextCursor } = await operations.list(alice, { limit: 1 });

    await expect(
      operations.list(bob, { limit: 1, cursor: nextCursor ?? '' }),
    ).rejects.toBeInstanceOf(BadRequestError);
  });
});

describe('updating an item', () => {
  it('applies the patch and increments the version', async () => {
    const { operations } = setup();
    const item = await operations.create(alice, { title: 'Bike', tags: ['a'] });

    const updated = await operations.update(alice, item.id, { tags: null, body: 'Blue' });

    expect(updated).toMatchObject({ title: 'Bike', body: 'Blue', tags: [], version: 2 });
    expect(updated.updatedAt > item.updatedAt).toBe(true);
    expect(updated.createdAt).toBe(item.createdAt);
  });

  it("answers 404 for another user's public item", async () => {
    const { operations } = setup();
    const item = await operations.create(alice, { title: 'Bike', visibility: 'public' });

    await expect(operations.update(bob, item.id, { title: 'Mine' })).rejects.toBeInstanceOf(
      NotFoundError,
    );
  });

  it('fails with 412 when If-Match names another version', async () => {
    const { operations } = setup();
    const item = await operations.create(alice, { title: 'Bike' });

    await expect(
      operations.update(alice, item.id, { title: 'New' }, { kind: 'versions', versions: [7] }),
    ).rejects.toBeInstanceOf(PreconditionFailedError);
  });

  it('succeeds when If-Match names the current version', async () => {
    const { operations } = setup();
    const item = await operations.create(alice, { title: 'Bike' });

    const updated = await operations.update(
      alice,
      item.id,
      { title: 'New' },
      { kind: 'versions', versions: [1] },
    );

    expect(updated.version).toBe(2);
  });

  it('retries once on the fresh version when a concurrent write wins without If-Match', async () => {
    const { operations, store } = setup();
    const item = await operations.create(alice, { title: 'Bike', body: 'old' });
    let raced = false;
    store.beforeWrite = () => {
      if (!raced) concurrentEdit(store, item.id);
      raced = true;
    };

    const updated = await operations.update(alice, item.id, { body: 'mine' });

    expect(updated).toMatchObject({ title: 'theirs', body: 'mine', version: 3 });
  });

  it('gives up with 409 when it loses the race twice', async () => {
    const { operations, store } = setup();
    const item = await operations.create(alice, { title: 'Bike' });
    store.beforeWrite = () => concurrentEdit(store, item.id);

    await expect(operations.update(alice, item.id, { body: 'x' })).rejects.toBeInstanceOf(
      ConflictError,
    );
  });

  it('turns a lost race under If-Match into 412', async () => {
    const { operations, store } = setup();
    const item = await operations.create(alice, { title: 'Bike' });
    store.beforeWrite = () => concurrentEdit(store, item.id);

    await expect(
      operations.update(alice, item.id, { body: 'x' }, { kind: 'versions', versions: [1] }),
    ).rejects.toBeInstanceOf(PreconditionFailedError);
  });
});

describe('deleting an item', () => {
  it('removes it', async () => {
    const { operations, store } = setup();
    const item = await operations.create(alice, { title: 'Bike' });

    await operations.remove(alice, item.id);

    expect(store.items.has(item.id)).toBe(false);
  });

  it("answers 404 for another user's item and keeps it", async () => {
    const { operations, store } = setup();
    const item = await operations.create(alice, { title: 'Bike', visibility: 'public' });

    await expect(operations.remove(bob, item.id)).rejects.toBeInstanceOf(NotFoundError);
    expect(store.items.has(item.id)).toBe(true);
  });

  it('fails with 412 on an If-Match mismatch and keeps the item', async () => {
    const { operations, store } = setup();
    const item = await operations.create(alice, { title: 'Bike' });

    await expect(
      operations.remove(alice, item.id, { kind: 'versions', versions: [2] }),
    ).rejects.toBeInstanceOf(PreconditionFailedError);
    expect(store.items.has(item.id)).toBe(true);
  });
});
