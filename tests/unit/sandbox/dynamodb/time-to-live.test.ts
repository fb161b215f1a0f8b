import { ScanCommand } from '@aws-sdk/client-dynamodb';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { jest } from '@jest/globals';
import { startTimeToLiveSweeps } from '../../../../sandbox/dynamodb/time-to-live';

// When the sweeps run, with a client that records the tables it is asked to scan.
const tables = [
  {
    tableName: 'First',
    ttlAttribute: 'expiresAt',
    keySchema: [{ AttributeName: 'PK', KeyType: 'HASH' as const }],
  },
  {
    tableName: 'Second',
    ttlAttribute: 'expiration',
    keySchema: [{ AttributeName: 'id', KeyType: 'HASH' as const }],
  },
];

function recordingClient(answer: (table: string) => Promise<unknown>) {
  const scanned: string[] = [];
  const client = {
    send: async (command: ScanCommand) => {
      const table = String(command.input.TableName);
      scanned.push(table);
      return answer(table);
    },
  } as unknown as DynamoDBClient;
  return { client, scanned };
}

const settle = async () => {
  for (let i = 0; i < 10; i++) await Promise.resolve();
};

beforeEach(() => jest.useFakeTimers());
afterEach(() => jest.useRealTimers());

it('sweeps every table after the first delay, then once per interval, until stopped', async () => {
  const { client, scanned } = recordingClient(async () => ({ Items: [] }));
  const sweeps = startTimeToLiveSweeps({
    client,
    tables,
    firstDelayMs: 1000,
    intervalMs: 5000,
    log: () => undefined,
  });

  await jest.advanceTimersByTimeAsync(999);
  expect(scanned).toEqual([]);
  await jest.advanceTimersByTimeAsync(1);
  await settle();
  expect(scanned).toEqual(['First', 'Second']);
  await jest.advanceTimersByTimeAsync(5000);
  await settle();
  expect(scanned).toEqual(['First', 'Second', 'First', 'Second']);

  await sweeps.stop();
  await jest.advanceTimersByTimeAsync(60_000);
  expect(scanned).toHaveLength(4);
});

it('leaves the tables without a TTL attribute alone', async () => {
  const { client, scanned } = recordingClient(async () => ({ Items: [] }));
  const withoutTtl = { tableName: 'Plain', keySchema: tables[0]?.keySchema ?? [] };
  const sweeps = startTimeToLiveSweeps({
    client,
    tables: [withoutTtl, ...tables],
    firstDelayMs: 10,
    intervalMs: 10,
    log: () => undefined,
  });

  await jest.advanceTimersByTimeAsync(10);
  await settle();
  await sweeps.stop();

  expect(scanned).toEqual(['First', 'Second']);
});

it('logs a failed sweep, goes on with the other tables, and tries again next time', async () => {
  const lines: string[] = [];
  const { client, scanned } = recordingClient(async (table) => {
    if (table === 'First') throw new Error('connection refused');
    return { Items: [] };
  });
  const sweeps = startTimeToLiveSweeps({
    client,
    tables,
    firstDelayMs: 10,
    intervalMs: 10,
    log: (line) => lines.push(line),
  });

  await jest.advanceTimersByTimeAsync(10);
  await settle();
  await jest.advanceTimersByTimeAsync(10);
  await settle();
  await sweeps.stop();

  expect(scanned).toEqual(['First', 'Second', 'First', 'Second']);
  expect(lines).toEqual([
    '[dynamodb] Time to Live sweep of First failed, tried again later: connection refused',
    '[dynamodb] Time to Live sweep of First failed, tried again later: connection refused',
  ]);
});

/** Sweeps of one table whose Scan answers only when the test says, begun. */
async function sweepWithPendingScan() {
  let finishScan: (value: unknown) => void = () => undefined;
  const { client, scanned } = recordingClient(
    () => new Promise((resolve) => (finishScan = resolve)),
  );
  const sweeps = startTimeToLiveSweeps({
    client,
    tables: tables.slice(0, 1),
    firstDelayMs: 10,
    intervalMs: 10,
    log: () => undefined,
    sweep: { pauseMs: 0 },
  });
  await jest.advanceTimersByTimeAsync(10);
  return { sweeps, scanned, finishScan: (page: unknown) => finishScan(page) };
}

it('ends a sweep under way at its stop, after the request in flight', async () => {
  const { sweeps, scanned, finishScan } = await sweepWithPendingScan();

  const stopping = sweeps.stop();
  // A page with more to read: without the stop, the sweep would read the next one.
  finishScan({ Items: [], LastEvaluatedKey: { PK: { S: 'next' } } });
  await jest.advanceTimersByTimeAsync(10);
  await stopping;

  expect(scanned).toEqual(['First']);
});

it('lets a sweep under way finish before its stop resolves', async () => {
  const { sweeps, finishScan } = await sweepWithPendingScan();
  let stopped = false;

  const stopping = sweeps.stop().then(() => (stopped = true));
  await settle();
  expect(stopped).toBe(false);
  finishScan({ Items: [] });
  await stopping;

  expect(stopped).toBe(true);
});
