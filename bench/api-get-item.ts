import { readFileSync } from 'node:fs';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';
import { startSandboxProcess } from '../sandbox/spawn-sandbox';
import { createBenchUser } from './lib/bench-user';
import { keepAliveGet } from './lib/keep-alive-get';
import { combineLoads, ms, percentile, perSecond, ratioVerdict, runLoad } from './lib/stats';
import type { LoadResult } from './lib/stats';
import { recordResults } from './lib/results';
import { unthrottled } from './lib/unthrottled';

// Warm `GET /v1/items/{id}` through the sandbox (gateway, authorizer, function
// host, DynamoDB Local) against the raw DynamoDB Local GetItem it wraps,
// measured in the same run on the same machine.
const SEQUENTIAL = 1000;
const LOAD_TOTAL = 3000;
/** Each measure is split into this many turns, API and raw alternating. */
const ROUNDS = 5;
const CONCURRENCY = 16;
const WARM_UP_STEPS = [2, 4, 8, CONCURRENCY];
const WARM_UP_PER_CALLER = 50;
const local = {
  region: 'us-east-1',
  credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
};

export async function benchGetItem(): Promise<void> {
  const sandbox = await startSandboxProcess(unthrottled);
  try {
    const outputs = JSON.parse(readFileSync(sandbox.outputsFile, 'utf8')) as Record<string, string>;
    const { headers } = await createBenchUser(outputs);

    const created = await fetch(`${outputs.ApiUrl}/v1/items`, {
      method: 'POST',
      headers: { ...headers, 'Content-Type': 'application/json' },
      body: JSON.stringify({ title: 'Benchmark item', body: 'x'.repeat(500), tags: ['bench'] }),
    });
    const item = (await created.json()) as { id: string };
    // Over node:http, as the raw GetItems below go through the SDK's node:http handler.
    const getViaApi = keepAliveGet(`${outputs.ApiUrl}/v1/items/${item.id}`, headers);

    const documents = DynamoDBDocumentClient.from(
      new DynamoDBClient({ ...local, endpoint: outputs.DynamoDbEndpoint }),
    );
    const getRaw = async (): Promise<void> => {
      const reply = await documents.send(
        new GetCommand({
          TableName: outputs.AppTableName,
          Key: { PK: `ITEM#${item.id}`, SK: 'ITEM' },
        }),
      );
      if (!reply.Item) throw new Error('GetItem found nothing');
    };

    // Warm means every execution environment the concurrent load uses has
    // started and served a few hundred requests before anything is measured.
    // Concurrency rises step by step, so only a few environments start at once.
    for (const concurrency of WARM_UP_STEPS) {
      await runLoad(getViaApi, WARM_UP_PER_CALLER * concurrency, concurrency);
    }
    await runLoad(getRaw, WARM_UP_PER_CALLER * CONCURRENCY, CONCURRENCY);
    // API and raw runs take turns, so that both sample the same moments of a
    // machine that other work shares.
    const turns: Record<'apiSequential' | 'rawSequential' | 'apiLoad' | 'rawLoad', LoadResult[]> = {
      apiSequential: [],
      rawSequential: [],
      apiLoad: [],
      rawLoad: [],
    };
    for (let round = 0; round < ROUNDS; round += 1) {
      turns.apiSequential.push(await runLoad(getViaApi, SEQUENTIAL / ROUNDS, 1));
      turns.rawSequential.push(await runLoad(getRaw, SEQUENTIAL / ROUNDS, 1));
      turns.apiLoad.push(await runLoad(getViaApi, LOAD_TOTAL / ROUNDS, CONCURRENCY));
      turns.rawLoad.push(await runLoad(getRaw, LOAD_TOTAL / ROUNDS, CONCURRENCY));
    }
    const apiSequential = combineLoads(turns.apiSequential);
    const rawSequential = combineLoads(turns.rawSequential);
    const apiLoad = combineLoads(turns.apiLoad);
    const rawLoad = combineLoads(turns.rawLoad);

    const rows = [
      ['API `GET /v1/items/{id}`', apiSequential, apiLoad],
      ['DynamoDB Local `GetItem` (baseline)', rawSequential, rawLoad],
    ] as const;
    const ratio = apiLoad.throughput / rawLoad.throughput;
    const p50 = percentile(apiSequential.latencies, 50);
    const table = [
      `| | p50 | p99 | throughput (${CONCURRENCY} concurrent) |`,
      '| --- | --- | --- | --- |',
      ...rows.map(
        ([name, seq, load]) =>
          `| ${name} | ${ms(percentile(seq.latencies, 50))} | ${ms(percentile(seq.latencies, 99))} | ${perSecond(load.throughput)} |`,
      ),
    ].join('\n');
    const verdict = [
      `- API p50 ${ms(p50)} (target ≤ 10 ms): ${p50 <= 10 ? 'met' : 'NOT met'}`,
      ratioVerdict(
        'sequential API p50 against raw GetItem p50',
        p50,
        percentile(rawSequential.latencies, 50),
        2.5,
      ),
      `- API throughput is ${(ratio * 100).toFixed(0)}% of raw GetItem (target ≥ 50%): ${ratio >= 0.5 ? 'met' : 'NOT met'}`,
    ].join('\n');
    console.log(`\n${table}\n\n${verdict}\n`);
    await recordResults(
      'Warm GET /v1/items/{id} through the sandbox',
      `Command: \`npm run bench -- get-item\` (${new Date().toISOString().slice(0, 10)}, Node ${process.version}). Warm-up: ${WARM_UP_STEPS.map((c) => WARM_UP_PER_CALLER * c).join(' + ')} requests at ${WARM_UP_STEPS.join(', ')} concurrent. Latency from ${SEQUENTIAL} sequential warm requests; throughput from ${LOAD_TOTAL} requests, ${CONCURRENCY} at a time, keep-alive (node:http for the API, the SDK's node:http handler for raw); both in ${ROUNDS} turns, API and raw alternating.\n\n${table}\n\n${verdict}`,
    );
  } finally {
    await sandbox.stop();
  }
}
