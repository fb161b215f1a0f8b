import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import {
  DescribeStreamCommand,
  DynamoDBStreamsClient,
  GetRecordsCommand,
  GetShardIteratorCommand,
} from '@aws-sdk/client-dynamodb-streams';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { BatchWriteCommand, DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { CloudSearchIndex } from '../layers/domain/src/search/cloudsearch-index';
import { createOpenSearchClient } from '../layers/domain/src/search/opensearch-client';
import { OpenSearchIndex } from '../layers/domain/src/search/opensearch-index';
import { searchDocumentOf } from '../layers/domain/src/search/search-document';
import type { IndexChange, SearchIndex } from '../layers/domain/src/search/search-index';
import type { Item } from '../layers/domain/src/items/item';
import { createBenchUser } from './lib/bench-user';
import { createSearchEngine } from '../sandbox/search/search-server';
import { startSandboxProcess } from '../sandbox/spawn-sandbox';
import { recordResults } from './lib/results';
import { ms, percentile, perSecond, runLoad } from './lib/stats';
import { unthrottled } from './lib/unthrottled';

// Search through the sandbox, once per engine the template offers
// (SearchEngine=opensearch, then cloudsearch): write → searchable latency,
// search latency at 100,000 documents against the embedded engine's raw query
// time, and the indexer's throughput against reading the same records from
// the stream.
const LATENCY_SAMPLES = 100;
const DOCUMENTS = 100_000;
const SEARCHES = 300;
const THROUGHPUT_ITEMS = 5_000;
const local = {
  region: 'us-east-1',
  credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
};
// A Zipf-like vocabulary, so that common words match many documents and rare ones few, as in text.
const VOCABULARY = Array.from({ length: 5000 }, (_, i) => `w${i.toString(36)}x`);
const word = (): string => VOCABULARY[Math.floor(VOCABULARY.length * Math.random() ** 3)] as string;

function randomItem(ownerId: string, n: number, visibility: Item['visibility'] = 'public'): Item {
  const pick = word;
  const now = new Date(Date.now() - n * 1000).toISOString();
  return {
    id: `B${String(n).padStart(25, '0')}`,
    ownerId,
    title: `${pick()} ${pick()} ${pick()}`,
    body: Array.from({ length: 40 }, pick).join(' '),
    tags: [pick() as string],
    visibility,
    data: {},
    mediaIds: [],
    createdAt: now,
    updatedAt: now,
    version: 1,
  };
}

const ENGINES = ['opensearch', 'cloudsearch'] as const;
type Engine = (typeof ENGINES)[number];

/** The engine's adapter on the sandbox's search endpoint, as the functions use it. */
function adapterOf(engine: Engine, endpoint: string): SearchIndex {
  return engine === 'opensearch'
    ? new OpenSearchIndex(createOpenSearchClient({ endpoint, region: local.region }), {
        alias: 'items',
      })
    : new CloudSearchIndex({ document: endpoint, search: endpoint });
}

interface EngineFigures {
  writeToSearchable: number[];
  apiSearch: number[];
  rawSearch: number[];
  loadSeconds: number;
  indexSeconds: number;
  writeSeconds: number;
  read: number;
  readSeconds: number;
}

export async function benchSearch(): Promise<void> {
  const figures = new Map<Engine, EngineFigures>();
  for (const engine of ENGINES) figures.set(engine, await benchEngine(engine));
  await recordResults(
    'Search: write → searchable, search at 100,000 documents, indexer throughput',
    report(figures),
  );
}

async function benchEngine(engine: Engine): Promise<EngineFigures> {
  console.log(`Search engine: ${engine}`);
  // The CloudSearch adapter reads region and credentials from the environment, as in Lambda.
  Object.assign(process.env, {
    AWS_REGION: local.region,
    AWS_ACCESS_KEY_ID: local.credentials.accessKeyId,
    AWS_SECRET_ACCESS_KEY: local.credentials.secretAccessKey,
  });
  const template = process.env.SANDBOX_TEMPLATE;
  const sandbox = await startSandboxProcess([
    ...unthrottled,
    ...(template ? ['--template', template] : []),
    '--parameter-overrides',
    `SearchEngine=${engine}`,
  ]);
  try {
    const outputs = JSON.parse(readFileSync(sandbox.outputsFile, 'utf8')) as Record<string, string>;
    const { sub, headers } = await createBenchUser(outputs);
    const api = outputs.ApiUrl as string;
    const searchApi = async (query: string): Promise<{ total: number }> => {
      const reply = await fetch(`${api}/v1/search?${query}`, { headers });
      if (reply.status !== 200) throw new Error(`search answered ${reply.status}`);
      return (await reply.json()) as { total: number };
    };

    // 1. Write → searchable, one item at a time, polling every 10 ms.
    const writeToSearchable: number[] = [];
    for (let i = 0; i < LATENCY_SAMPLES + 5; i++) {
      const word = `w${randomUUID().replaceAll('-', '')}`;
      const started = performance.now();
      const created = await fetch(`${api}/v1/items`, {
        method: 'POST',
        headers: { ...headers, 'Content-Type': 'application/json' },
        body: JSON.stringify({ title: word, visibility: 'public' }),
      });
      if (created.status !== 201) throw new Error(`create answered ${created.status}`);
      while ((await searchApi(`q=${word}`)).total === 0) {
        if (performance.now() - started > 30_000) throw new Error('never searchable');
        await new Promise((done) => setTimeout(done, 10));
      }
      // The first few include cold starts.
      if (i >= 5) writeToSearchable.push(performance.now() - started);
    }

    // 2. Search at 100,000 documents: uploaded to the sandbox's search endpoint in batches,
    // and the same documents in an engine in this process for the raw query time.
    const index = adapterOf(engine, outputs.SearchEndpoint as string);
    const rawEngine = createSearchEngine();
    const loadStarted = performance.now();
    for (let start = 0; start < DOCUMENTS; start += 1000) {
      const changes: IndexChange[] = Array.from({ length: 1000 }, (_, k) => ({
        type: 'upsert',
        document: searchDocumentOf(
          randomItem(
            k % 2 === 0 ? sub : `other-${k % 50}`,
            start + k,
            k % 3 === 0 ? 'private' : 'public',
          ),
        ),
      }));
      await index.apply(changes);
      rawEngine.apply(
        changes.map((c) =>
          c.type === 'upsert'
            ? { type: 'add', id: c.document.id, fields: c.document.fields }
            : { type: 'delete', id: c.id },
        ),
      );
    }
    const loadSeconds = (performance.now() - loadStarted) / 1000;
    // A common word, a mid-frequency word, two words, a tag filter alone, a word and a tag.
    const [common, mid, rare, tag] = [
      VOCABULARY[3],
      VOCABULARY[300],
      VOCABULARY[1500],
      VOCABULARY[10],
    ];
    const queries = [
      `q=${common}`,
      `q=${mid}`,
      `q=${common}+${rare}`,
      `tags=${tag}`,
      `q=${mid}&tags=${common}`,
    ];
    const raw = {
      fq: `(and (or (term field=visibility 'public') (term field=owner_id '${sub}')))`,
    };
    let n = 0;
    const apiSearch = await runLoad(
      async () => {
        await searchApi(`${queries[n++ % queries.length]}&limit=20`);
      },
      SEARCHES,
      1,
    );
    n = 0;
    const rawSearch = await runLoad(
      async () => {
        const params = new URLSearchParams(queries[n++ % queries.length]);
        const q = params.get('q');
        const tags = params.get('tags');
        rawEngine.search({
          q: q ?? 'matchall',
          parser: q ? 'simple' : 'structured',
          queryOptions: { fields: ['title^3', 'tags^2', 'body'], defaultOperator: 'and' },
          fq: tags ? `(and ${raw.fq} (term field=tags '${tags}'))` : raw.fq,
          sort: q ? '_score desc,updated_at desc' : 'updated_at desc',
          size: 20,
          start: 0,
          returnFields: ['owner_id', 'title', 'tags', 'visibility', 'updated_at', '_score'],
          highlights: { body: { format: 'html' }, title: { format: 'html' } },
        });
      },
      SEARCHES,
      1,
    );

    // 3. Indexer throughput: items written straight into the table (BatchWrite, 8 at a time),
    // until all are searchable; then the same records read raw from the stream.
    const documents = DynamoDBDocumentClient.from(
      new DynamoDBClient({ ...local, endpoint: outputs.DynamoDbEndpoint }),
    );
    const owner = `throughput-${randomUUID()}`;
    const items = Array.from({ length: THROUGHPUT_ITEMS }, (_, k) =>
      randomItem(owner, DOCUMENTS + k),
    );
    const writeStarted = performance.now();
    const batches: Item[][] = [];
    for (let k = 0; k < items.length; k += 25) batches.push(items.slice(k, k + 25));
    await runLoad(
      async () => {
        const batch = batches.pop() ?? [];
        await documents.send(
          new BatchWriteCommand({
            RequestItems: {
              [outputs.AppTableName as string]: batch.map((item) => ({
                PutRequest: {
                  Item: { PK: `ITEM#${item.id}`, SK: 'ITEM', entity: 'item', ...item },
                },
              })),
            },
          }),
        );
      },
      batches.length,
      8,
    );
    const writeSeconds = (performance.now() - writeStarted) / 1000;
    while (
      (
        await index.search({
          viewerId: owner,
          text: '',
          tags: [],
          ownerId: owner,
          size: 1,
          start: 0,
        })
      ).found < THROUGHPUT_ITEMS
    ) {
      await new Promise((done) => setTimeout(done, 20));
    }
    const indexSeconds = (performance.now() - writeStarted) / 1000;

    const streams = new DynamoDBStreamsClient({ ...local, endpoint: outputs.DynamoDbEndpoint });
    const tableStream = (
      await new DynamoDBClient({ ...local, endpoint: outputs.DynamoDbEndpoint }).send(
        new (await import('@aws-sdk/client-dynamodb')).DescribeTableCommand({
          TableName: outputs.AppTableName,
        }),
      )
    ).Table?.LatestStreamArn as string;
    const { StreamDescription } = await streams.send(
      new DescribeStreamCommand({ StreamArn: tableStream }),
    );
    const readStarted = performance.now();
    let read = 0;
    for (const shard of StreamDescription?.Shards ?? []) {
      let iterator = (
        await streams.send(
          new GetShardIteratorCommand({
            StreamArn: tableStream,
            ShardId: shard.ShardId,
            ShardIteratorType: 'TRIM_HORIZON',
          }),
        )
      ).ShardIterator;
      while (iterator) {
        const page = await streams.send(
          new GetRecordsCommand({ ShardIterator: iterator, Limit: 1000 }),
        );
        read += page.Records?.length ?? 0;
        if ((page.Records?.length ?? 0) === 0) break;
        iterator = page.NextShardIterator;
      }
    }
    const readSeconds = (performance.now() - readStarted) / 1000;

    return {
      writeToSearchable,
      apiSearch: apiSearch.latencies,
      rawSearch: rawSearch.latencies,
      loadSeconds,
      indexSeconds,
      writeSeconds,
      read,
      readSeconds,
    };
  } finally {
    await sandbox.stop();
  }
}

const NAMES: Record<Engine, string> = { opensearch: 'OpenSearch', cloudsearch: 'CloudSearch' };

function report(figures: Map<Engine, EngineFigures>): string {
  const rows = (cells: (engine: Engine, f: EngineFigures) => string) =>
    [...figures].map(([engine, f]) => cells(engine, f));
  const p = (values: number[]) => `${ms(percentile(values, 50))} | ${ms(percentile(values, 99))}`;
  const body = [
    `Command: \`npm run bench -- search\` (${new Date().toISOString().slice(0, 10)}, Node ${process.version}), sandbox in memory on free ports, once with each \`SearchEngine\` (the same local engine behind both protocols).`,
    '',
    'The engines differ here only by protocol and adapter (request building, SigV4 signing, external-versioned `_bulk` against CloudSearch batches); on AWS an OpenSearch write becomes searchable at the index refresh interval (1 s by default).',
    '',
    `| Write → searchable (POST /v1/items until GET /v1/search finds it, ${LATENCY_SAMPLES} sequential items, polled every 10 ms) | p50 | p99 |`,
    '| --- | --- | --- |',
    ...rows(
      (engine, f) => `| ${NAMES[engine]} path through the sandbox | ${p(f.writeToSearchable)} |`,
    ),
    '',
    ...rows(
      (engine, f) =>
        `- ${NAMES[engine]}: target p50 ≤ 1 s ${percentile(f.writeToSearchable, 50) <= 1000 ? 'met' : 'NOT met'}`,
    ),
    '',
    `| Search at ${DOCUMENTS.toLocaleString('en')} documents (${SEARCHES} sequential searches, 5 query shapes, top 20, 5,000-word Zipf-like vocabulary) | p50 | p99 |`,
    '| --- | --- | --- |',
    ...rows(
      (engine, f) =>
        `| API \`GET /v1/search\` (gateway, authorizer, SearchApiFunction, ${NAMES[engine]} adapter, local endpoint) | ${p(f.apiSearch)} |`,
    ),
    ...rows(
      (engine, f) =>
        `| MiniSearch engine alone, same documents and queries, in the benchmark process (${NAMES[engine]} run) | ${p(f.rawSearch)} |`,
    ),
    '',
    ...rows(
      (engine, f) =>
        `- Loading the ${DOCUMENTS.toLocaleString('en')} documents through the ${NAMES[engine]} adapter (batches of 1,000) took ${f.loadSeconds.toFixed(1)} s.`,
    ),
    '',
    `| Indexer throughput (${THROUGHPUT_ITEMS.toLocaleString('en')} items) | records/s |`,
    '| --- | --- |',
    ...rows(
      (engine, f) =>
        `| ${NAMES[engine]}: BatchWrite into AppTable → all searchable (stream poller, SearchIndexerFunction, uploads) | ${perSecond(THROUGHPUT_ITEMS / f.indexSeconds)} (writes alone: ${perSecond(THROUGHPUT_ITEMS / f.writeSeconds)}) |`,
    ),
    ...rows(
      (engine, f) =>
        `| ${NAMES[engine]} run: raw GetRecords of the whole stream (${f.read.toLocaleString('en')} records) | ${perSecond(f.read / f.readSeconds)} |`,
    ),
  ].join('\n');
  console.log(`\n${body}\n`);
  return body;
}
