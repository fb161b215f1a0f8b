import { setTimeout as sleep } from 'node:timers/promises';
import { jest } from '@jest/globals';
import { GetQueueAttributesCommand } from '@aws-sdk/client-sqs';
import { monotonicFactory } from 'ulid';
import { createDocumentClient, createDynamoDbClient } from '../../../layers/domain/src/dynamodb';
import { DynamoDbItemStore } from '../../../layers/domain/src/items/dynamodb-item-store';
import type { Item } from '../../../layers/domain/src/items/item';
import type { EngineSearchRequest } from '../../../sandbox/search/search-engine';
import { anItem } from '../domain/stores';
import { startSearchPipeline, type SearchPipeline } from './search-pipeline';

jest.setTimeout(60_000);

let pipeline: SearchPipeline;
const store = new DynamoDbItemStore(
  createDocumentClient(createDynamoDbClient()),
  process.env.APP_TABLE_NAME ?? '',
);
const newId = monotonicFactory();

beforeAll(async () => {
  pipeline = await startSearchPipeline();
}, 60_000);

afterAll(async () => {
  await pipeline?.stop();
});

function item(word: string, n: number): Item {
  return anItem(newId(), 'pipeline-test', { title: `${word} ${n}`, visibility: 'public' });
}

const query = (word: string): EngineSearchRequest => ({
  q: word,
  parser: 'simple',
  queryOptions: {},
  size: 100,
  start: 0,
  returnFields: [],
  highlights: {},
});

async function waitFor(check: () => boolean, ms: number): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (!check() && Date.now() < deadline) await sleep(50);
  return check();
}

async function failureCount(): Promise<number> {
  const { Attributes } = await pipeline.sqs.send(
    new GetQueueAttributesCommand({
      QueueUrl: pipeline.failureQueueUrl,
      AttributeNames: ['ApproximateNumberOfMessages'],
    }),
  );
  return Number(Attributes?.ApproximateNumberOfMessages ?? 0);
}

describe('indexing through the stream with the search endpoint down for a while', () => {
  it('loses nothing and duplicates nothing once the endpoint returns', async () => {
    const word = `outage${Date.now()}`;
    await store.create(item(`warm${word}`, 0));
    await waitFor(() => pipeline.search(query(`warm${word}`)).found === 1, 30_000);
    await pipeline.takeSearchDown();

    const written = Array.from({ length: 20 }, (_, n) => item(word, n));
    for (const each of written) await store.create(each);
    const updated = { ...written[0], title: `${word} renamed`, version: 2 } as Item;
    await store.putIfVersion(updated, 1);
    await store.deleteIfVersion(written[1]?.id ?? '', 1);
    await sleep(1000);
    const foundWhileDown = pipeline.search(query(word)).found;
    await pipeline.bringSearchBack();

    const indexed = await waitFor(() => pipeline.search(query(word)).found === 19, 15_000);

    expect(foundWhileDown).toBe(0);
    expect(indexed).toBe(true);
    const ids = pipeline.search(query(word)).hits.map((hit) => hit.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).not.toContain(written[1]?.id);
    expect(pipeline.search(query('renamed')).hits.map((hit) => hit.id)).toEqual([updated.id]);
    expect(await failureCount()).toBe(0);
  });
});
