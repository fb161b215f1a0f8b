// The search indexing path as the sandbox runs it, composed in-process so a
// test can take the search endpoint down: the AppTable stream on DynamoDB
// Local (from global setup), the built SearchIndexerFunction in its function
// host, the stream event source mapping from template.yaml, the failure queue
// on a local SQS and the local search endpoint, through the template's
// default engine (OpenSearch).
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBStreamsClient } from '@aws-sdk/client-dynamodb-streams';
import { SQSClient } from '@aws-sdk/client-sqs';
import { ensureTables } from '../../../sandbox/dynamodb/tables';
import { freePort } from '../../../sandbox/ports';
import { startLocalSqs } from '../../../sandbox/queues/local-sqs';
import { ensureQueues, readQueues } from '../../../sandbox/queues/queues';
import { buildAll, functionDir } from '../../../sandbox/runtime/build';
import { createFunctionHost } from '../../../sandbox/runtime/function-host';
import { LocalIndices } from '../../../sandbox/search/opensearch-indices';
import type { EngineSearchRequest } from '../../../sandbox/search/search-engine';
import {
  createSearchEngine,
  startSearchServer,
  type SearchServer,
} from '../../../sandbox/search/search-server';
import { readStreamEventSources } from '../../../sandbox/streams/stream-event-sources';
import { startStreamMappings } from '../../../sandbox/streams/stream-mappings';
import { parseTemplate } from '../../../sandbox/template/parse';
import { LOCAL_PSEUDO_PARAMETERS } from '../../../sandbox/template/pseudo-parameters';
import type { ResolveContext } from '../../../sandbox/template/resolve';

const local = {
  region: 'us-east-1',
  credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
};

/** The read alias the template gives the functions (OPENSEARCH_INDEX). */
const ALIAS = 'items';

export interface SearchPipeline {
  /** The documents the alias reads, searched straight in the local engine (also while the endpoint is down). */
  search(request: EngineSearchRequest): ReturnType<ReturnType<typeof createSearchEngine>['search']>;
  sqs: SQSClient;
  failureQueueUrl: string;
  /** Stops the search endpoint; the index (engine) is kept. */
  takeSearchDown(): Promise<void>;
  /** Serves the same index on the same port again. */
  bringSearchBack(): Promise<void>;
  stop(): Promise<void>;
}

export async function startSearchPipeline(): Promise<SearchPipeline> {
  const full = parseTemplate('template.yaml');
  const model = {
    ...full,
    functions: full.functions.filter((fn) => fn.logicalId === 'SearchIndexerFunction'),
    layers: full.layers.filter((layer) => layer.logicalId === 'DomainLayer'),
    resources: full.resources.filter(
      (resource) => resource.logicalId === 'SearchIndexFailureQueue',
    ),
  };
  const dynamodb = new DynamoDBClient({
    ...local,
    endpoint: process.env.AWS_ENDPOINT_URL_DYNAMODB,
  });
  const localSqs = await startLocalSqs({ port: 0, region: local.region });
  const sqs = new SQSClient({ ...local, endpoint: localSqs.endpoint });
  const indices = new LocalIndices();
  const searchPort = await freePort();
  let search: SearchServer | undefined = await startSearchServer({ port: searchPort, indices });

  const ctx: ResolveContext = {
    parameters: model.parameters,
    resources: await ensureTables(dynamodb, model.tables),
    pseudo: LOCAL_PSEUDO_PARAMETERS,
  };
  Object.assign(ctx.resources, await ensureQueues(sqs, readQueues(model), ctx));
  const buildDir = await mkdtemp(join(tmpdir(), 'search-pipeline-'));
  await buildAll(model, buildDir);
  const indexer = model.functions[0];
  if (!indexer) throw new Error('template.yaml has no SearchIndexerFunction');
  const host = createFunctionHost({
    fn: indexer,
    codeDir: functionDir(buildDir, indexer.logicalId),
    environment: {
      SEARCH_ENGINE: 'opensearch',
      OPENSEARCH_ENDPOINT: search.endpoint,
      OPENSEARCH_INDEX: ALIAS,
      POWERTOOLS_TRACE_ENABLED: 'false',
      POWERTOOLS_LOG_LEVEL: 'CRITICAL',
    },
    logFile: join(buildDir, 'functions.log'),
  });
  const mappings = await startStreamMappings({
    sources: readStreamEventSources(model, ctx),
    resources: ctx.resources,
    hosts: new Map([[indexer.logicalId, host]]),
    streams: new DynamoDBStreamsClient({
      ...local,
      endpoint: process.env.AWS_ENDPOINT_URL_DYNAMODB,
    }),
    sqs,
    region: local.region,
    log: () => undefined,
    pollIntervalMs: 50,
    retryDelayMs: 100,
  });
  return {
    search: (request) =>
      indices.exists(ALIAS)
        ? (indices.resolve(ALIAS)[0]?.engine.search(request) ?? { found: 0, start: 0, hits: [] })
        : { found: 0, start: 0, hits: [] },
    sqs,
    failureQueueUrl: ctx.resources.SearchIndexFailureQueue?.attributes.QueueUrl ?? '',
    async takeSearchDown() {
      await search?.stop();
      search = undefined;
    },
    async bringSearchBack() {
      search = await startSearchServer({ port: searchPort, indices });
    },
    async stop() {
      await mappings.stop();
      await host.close();
      await search?.stop();
      sqs.destroy();
      dynamodb.destroy();
      await localSqs.stop();
      await rm(buildDir, { recursive: true, force: true });
    },
  };
}
