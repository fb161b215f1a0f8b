import {
  IdempotencyAlreadyInProgressError,
  IdempotencyValidationError,
} from '@aws-lambda-powertools/idempotency';
import { CursorCodec, fixedCursorKeys, idempotentOperation } from '@mobile-backend/domain/http';
import { DynamoDbItemStore, ItemOperations } from '@mobile-backend/domain/data';
import type { Context } from 'aws-lambda';
import { MAX_JSON_DEPTH } from '../../../layers/domain/src/http/json-limits';
import { localDynamoDb, tableName, uniqueUserId } from './stores';

const { client, documents } = localDynamoDb();
const store = new DynamoDbItemStore(documents, tableName('APP_TABLE_NAME'));
const items = new ItemOperations(store, new CursorCodec(fixedCursorKeys('s'.repeat(32))));
const createItem = idempotentOperation(({ userId, body }) => items.create(userId, body), {
  client,
  tableName: tableName('IDEMPOTENCY_TABLE_NAME'),
  name: 'items.create',
});
const context = { getRemainingTimeInMillis: () => 10_000 } as Context;
const key = () => `key-${Math.random().toString(36).slice(2)}`;

afterAll(() => client.destroy());

describe('idempotent item creation', () => {
  it('creates one item for two requests with the same key and body, answering both alike', async () => {
    const userId = uniqueUserId();
    const request = { userId, idempotencyKey: key(), body: { title: 'Bike', tags: ['A'] } };

    const first = await createItem(request, context);
    const second = await createItem(request, context);

    expect(second).toEqual(first);
    await expect(items.list(userId, { limit: 10 })).resolves.toMatchObject({
      items: [{ id: first.id }],
    });
  });

  it('creates an item whose data nests as deep as a request body may, and answers a retry alike', async () => {
    // The body is the first level and `data` the second: the deepest data a body can carry.
    let data: Record<string, unknown> = { leaf: 1 };
    for (let level = 2; level < MAX_JSON_DEPTH; level++) data = { a: data };
    const request = {
      userId: uniqueUserId(),
      idempotencyKey: key(),
      body: { title: 'Deep', data },
    };

    const first = await createItem(request, context);
    const second = await createItem(request, context);

    expect(first.data).toEqual(data);
    expect(second).toEqual(first);
  });

  it('treats the same body with its members reordered as the same request', async () => {
    const userId = uniqueUserId();
    const idempotencyKey = key();

    const first = await createItem(
      { userId, idempotencyKey, body: { title: 'A', body: 'b' } },
      context,
    );
    const second = await createItem(
      { userId, idempotencyKey, body: { body: 'b', title: 'A' } },
      context,
    );

    expect(second.id).toBe(first.id);
  });

  it('refuses the same key with another body', async () => {
    const userId = uniqueUserId();
    const idempotencyKey = key();
    await createItem({ userId, idempotencyKey, body: { title: 'Bike' } }, context);

    await expect(
      createItem({ userId, idempotencyKey, body: { title: 'Car' } }, context),
    ).rejects.toBeInstanceOf(IdempotencyValidationError);
    await expect(items.list(userId, { limit: 10 })).resolves.toMatchObject({
      items: [{ title: 'Bike' }],
    });
  });

  it("keeps two users' identical keys apart", async () => {
    const idempotencyKey = key();
    const body = { title: 'Bike' };

    const alices = await createItem({ userId: uniqueUserId(), idempotencyKey, body }, context);
    const bobs = await createItem({ userId: uniqueUserId(), idempotencyKey, body }, context);

    expect(bobs.id).not.toBe(alices.id);
    expect(bobs.ownerId).not.toBe(alices.ownerId);
  });

  it('creates a new item for each request without a key', async () => {
    const userId = uniqueUserId();

    const first = await createItem({ userId, body: { title: 'Bike' } }, context);
    const second = await createItem({ userId, body: { title: 'Bike' } }, context);

    expect(second.id).not.toBe(first.id);
  });

  it('lets a key be used again after the first attempt failed validation', async () => {
    const userId = uniqueUserId();
    const idempotencyKey = key();
    await expect(
      createItem({ userId, idempotencyKey, body: { title: '' } }, context),
    ).rejects.toThrow();

    const item = await createItem({ userId, idempotencyKey, body: { title: 'Fixed' } }, context);

    expect(item.title).toBe('Fixed');
  });

  it('refuses a retry while the first request is still running', async () => {
    let started: () => void = () => undefined;
    const running = new Promise<void>((resolve) => (started = resolve));
    let finish: () => void = () => undefined;
    const slowCreate = idempotentOperation(
      async ({ userId, body }) => {
        // The operation runs only once its in-progress record is stored.
        started();
        await new Promise<void>((resolve) => (finish = resolve));
        return items.create(userId, body);
      },
      { client, tableName: tableName('IDEMPOTENCY_TABLE_NAME'), name: 'items.create.slow' },
    );
    const request = { userId: uniqueUserId(), idempotencyKey: key(), body: { title: 'Slow' } };
    const first = slowCreate(request, context);
    await running;

    const retry = slowCreate(request, context);

    await expect(retry).rejects.toBeInstanceOf(IdempotencyAlreadyInProgressError);
    finish();
    await expect(first).resolves.toMatchObject({ title: 'Slow' });
  });
});
