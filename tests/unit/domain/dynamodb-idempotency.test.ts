import {
  ConditionalCheckFailedException,
  DeleteItemCommand,
  DynamoDBClient,
  GetItemCommand,
  PutItemCommand,
  UpdateItemCommand,
} from '@aws-sdk/client-dynamodb';
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import {
  IdempotencyAlreadyInProgressError,
  IdempotencyValidationError,
} from '@aws-lambda-powertools/idempotency';
import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals';
import type { Context } from 'aws-lambda';
import { mockClient } from 'aws-sdk-client-mock';
import { idempotentOperation } from '../../../layers/domain/src/dynamodb-idempotency';
import type { IdempotentRequest } from '../../../layers/domain/src/dynamodb-idempotency';

type Item = Record<string, AttributeValue>;

/**
 * The idempotency table in memory: the writes Powertools' DynamoDB persistence
 * layer sends, with the condition it puts on a new record (no record, an
 * expired one, or one left in progress past its invocation's end).
 */
function inMemoryIdempotencyTable() {
  const items = new Map<string, Item>();
  const idOf = (key: Item | undefined) => key?.id?.S ?? '';
  const numberOf = (value: AttributeValue | undefined) => Number(value?.N ?? Number.NaN);
  const replaceable = (old: Item, now: number) =>
    numberOf(old.expiration) < now / 1000 ||
    (old.status?.S === 'INPROGRESS' && numberOf(old.in_progress_expiration) < now);
  const dynamodb = mockClient(DynamoDBClient);
  dynamodb.on(PutItemCommand).callsFake(({ Item: item }: { Item: Item }) => {
    const old = items.get(idOf(item));
    if (old && !replaceable(old, Date.now())) {
      throw new ConditionalCheckFailedException({ message: 'exists', $metadata: {}, Item: old });
    }
    items.set(idOf(item), item);
    return {};
  });
  dynamodb
    .on(GetItemCommand)
    .callsFake(({ Key }: { Key: Item }) => ({ Item: items.get(idOf(Key)) }));
  dynamodb.on(DeleteItemCommand).callsFake(({ Key }: { Key: Item }) => {
    items.delete(idOf(Key));
    return {};
  });
  dynamodb.on(UpdateItemCommand).callsFake((input: UpdateInput) => {
    const item = { ...items.get(idOf(input.Key)) };
    for (const [, name, value] of input.UpdateExpression.matchAll(/(#\w+) = (:\w+)/g)) {
      const attribute = input.ExpressionAttributeNames[name as string] as string;
      item[attribute] = input.ExpressionAttributeValues[value as string] as AttributeValue;
    }
    items.set(idOf(input.Key), item);
    return {};
  });
  return { dynamodb, items };
}

interface UpdateInput {
  Key: Item;
  UpdateExpression: string;
  ExpressionAttributeNames: Record<string, string>;
  ExpressionAttributeValues: Item;
}

function lambdaContext(remainingMs = 10_000): Context {
  return { getRemainingTimeInMillis: () => remainingMs } as Context;
}

/** An operation that counts its runs and answers with the run number and the request. */
function countingOperation() {
  const runs: IdempotentRequest[] = [];
  const operation = async (request: IdempotentRequest) => {
    runs.push(request);
    return { run: runs.length, userId: request.userId };
  };
  return { operation, runs };
}

describe('idempotent operations', () => {
  const now = Date.parse('2026-01-01T00:00:00Z');
  let table: ReturnType<typeof inMemoryIdempotencyTable>;
  let client: DynamoDBClient;

  beforeEach(() => {
    jest.spyOn(Date, 'now').mockReturnValue(now);
    table = inMemoryIdempotencyTable();
    client = new DynamoDBClient({ region: 'us-east-1' });
  });

  afterEach(() => {
    table.dynamodb.restore();
    jest.restoreAllMocks();
  });

  function makeIdempotent(
    operation: (request: IdempotentRequest) => Promise<unknown>,
    name = 'createItem',
  ) {
    return idempotentOperation(operation, { client, tableName: 'IdempotencyTable', name });
  }

  it('answers a retry with the same key and body with the first result, without running again', async () => {
    const { operation, runs } = countingOperation();
    const create = makeIdempotent(operation);
    const request = { userId: 'user-a', idempotencyKey: 'key-1', body: { title: 'x' } };

    const first = await create(request, lambdaContext());
    const retry = await create({ ...request, body: { title: 'x' } }, lambdaContext());

    expect(retry).toEqual(first);
    expect(runs).toHaveLength(1);
  });

  it('keeps its records in the table it is given, through the client it is given', async () => {
    const create = makeIdempotent(async () => 'done');

    await create({ userId: 'user-a', idempotencyKey: 'key-1', body: {} }, lambdaContext());

    const writes = table.dynamodb.commandCalls(PutItemCommand);
    expect(writes.map((write) => write.args[0].input.TableName)).toEqual(['IdempotencyTable']);
    expect(writes[0]?.thisValue).toBe(client);
  });

  it('runs the operation for another user who chose the same key', async () => {
    const { operation, runs } = countingOperation();
    const create = makeIdempotent(operation);
    const body = { title: 'x' };

    await create({ userId: 'user-a', idempotencyKey: 'shared', body }, lambdaContext());
    const other = await create(
      { userId: 'user-b', idempotencyKey: 'shared', body },
      lambdaContext(),
    );

    expect(other).toEqual({ run: 2, userId: 'user-b' });
    expect(runs.map((run) => run.userId)).toEqual(['user-a', 'user-b']);
  });

  it('runs the operation again for the same user with another key', async () => {
    const { operation, runs } = countingOperation();
    const create = makeIdempotent(operation);
    const body = { title: 'x' };

    await create({ userId: 'user-a', idempotencyKey: 'key-1', body }, lambdaContext());
    await create({ userId: 'user-a', idempotencyKey: 'key-2', body }, lambdaContext());

    expect(runs).toHaveLength(2);
  });

  it('refuses a key reused with another body, without running the operation', async () => {
    const { operation, runs } = countingOperation();
    const create = makeIdempotent(operation);
    await create(
      { userId: 'user-a', idempotencyKey: 'key-1', body: { title: 'x' } },
      lambdaContext(),
    );

    const reuse = create(
      { userId: 'user-a', idempotencyKey: 'key-1', body: { title: 'y' } },
      lambdaContext(),
    );

    await expect(reuse).rejects.toBeInstanceOf(IdempotencyValidationError);
    expect(runs).toHaveLength(1);
  });

  it('keeps the results of two operations apart when a user gives both the same key', async () => {
    const createItem = makeIdempotent(async () => 'item', 'createItem');
    const sendMessage = makeIdempotent(async () => 'message', 'sendMessage');
    const request = { userId: 'user-a', idempotencyKey: 'key-1', body: {} };

    await createItem(request, lambdaContext());
    const message = await sendMessage(request, lambdaContext());

    expect(message).toBe('message');
  });

  it('runs every request without a key and stores nothing for it', async () => {
    const { operation, runs } = countingOperation();
    const create = makeIdempotent(operation);
    const request = { userId: 'user-a', body: { title: 'x' } };

    await create(request, lambdaContext());
    await create(request, lambdaContext());

    expect(runs).toHaveLength(2);
    expect(table.items.size).toBe(0);
  });

  it('refuses a retry while the first request with its key is still running', async () => {
    let finish: () => void = () => undefined;
    const create = makeIdempotent(() => new Promise<void>((resolve) => (finish = resolve)));
    const request = { userId: 'user-a', idempotencyKey: 'key-1', body: {} };
    const first = create(request, lambdaContext());
    await new Promise((resolve) => setImmediate(resolve));

    const retry = create(request, lambdaContext());

    await expect(retry).rejects.toBeInstanceOf(IdempotencyAlreadyInProgressError);
    finish();
    await first;
  });

  it('lets a retry run once the invocation that left its key in progress has ended', async () => {
    const { operation, runs } = countingOperation();
    const create = makeIdempotent(operation);
    const request = { userId: 'user-a', idempotencyKey: 'key-1', body: {} };
    const stalled = makeIdempotent(() => new Promise(() => undefined));
    void stalled(request, lambdaContext(1_000));
    await new Promise((resolve) => setImmediate(resolve));
    jest.spyOn(Date, 'now').mockReturnValue(now + 1_001);

    const retry = await create(request, lambdaContext());

    expect(retry).toEqual({ run: 1, userId: 'user-a' });
    expect(runs).toHaveLength(1);
  });

  it('remembers a result for one hour, then runs the operation again', async () => {
    const { operation, runs } = countingOperation();
    const create = makeIdempotent(operation);
    const request = { userId: 'user-a', idempotencyKey: 'key-1', body: {} };
    await create(request, lambdaContext());
    jest.spyOn(Date, 'now').mockReturnValue(now + 3_599_000);
    await create(request, lambdaContext());
    jest.spyOn(Date, 'now').mockReturnValue(now + 3_601_000);

    const afterAnHour = await create(request, lambdaContext());

    expect(afterAnHour).toEqual({ run: 2, userId: 'user-a' });
    expect(runs).toHaveLength(2);
  });
});
