import { randomUUID } from 'node:crypto';
import { loadavg } from 'node:os';
import { readFileSync } from 'node:fs';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import {
  DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  QueryCommand,
} from '@aws-sdk/lib-dynamodb';
import { startSandboxProcess } from '../sandbox/spawn-sandbox';
import { createBenchUser } from './lib/bench-user';
import { runBoundedLoad } from './lib/bounded-load';
import { describeCpu, measureCpu } from './lib/cpu-usage';
import { kneeOf, stepFigures, type StepFigures } from './lib/load-steps';
import { recordResults } from './lib/results';
import { ms, perSecond } from './lib/stats';
import { unthrottled } from './lib/unthrottled';

// A mixed read/write workload on the data API at rising concurrency, against
// the DynamoDB Local calls the same operations make, in the same run: per
// step p50, p99, errors and throughput, the knee, and which process was busy.
const STEPS = [1, 2, 4, 8, 16, 32];
const MAX_CALLS = 600;
const MAX_SECONDS = 6;
/** GET twice as often as the others: 40% reads of one item, 20% lists, 20% creates, 20% patches. */
const MIX = ['get', 'list', 'get', 'create', 'patch'] as const;
const local = {
  region: 'us-east-1',
  credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
};

type Operation = (typeof MIX)[number];
/** One caller's call: `slot` picks the caller's own item, so patches never race each other. */
type Call = (operation: Operation, slot: number) => Promise<boolean>;

async function apiCalls(outputs: Record<string, string>): Promise<Call> {
  const { headers } = await createBenchUser(outputs);
  const json = { ...headers, 'Content-Type': 'application/json' };
  const api = `${outputs.ApiUrl}/v1/items`;
  const create = async () => {
    const reply = await fetch(api, {
      method: 'POST',
      headers: json,
      body: JSON.stringify({ title: 'Load item', body: 'x'.repeat(500), tags: ['load'] }),
    });
    return { ok: reply.status === 201, id: ((await reply.json()) as { id: string }).id };
  };
  // One after another: 32 creates at once would start 32 environments cold before the first step.
  const own: { id: string }[] = [];
  while (own.length < Math.max(...STEPS)) {
    const created = await create();
    if (!created.ok) throw new Error('POST /v1/items failed while preparing the load');
    own.push(created);
  }
  const answered = async (reply: Response, status: number) => {
    await reply.arrayBuffer();
    return reply.status === status;
  };
  return async (operation, slot) => {
    const id = own[slot]?.id as string;
    if (operation === 'get') return answered(await fetch(`${api}/${id}`, { headers }), 200);
    if (operation === 'list') return answered(await fetch(api, { headers }), 200);
    if (operation === 'create') return (await create()).ok;
    const patch = {
      method: 'PATCH',
      headers: { ...headers, 'Content-Type': 'application/merge-patch+json' },
    };
    return answered(
      await fetch(`${api}/${id}`, { ...patch, body: JSON.stringify({ title: `patched ${slot}` }) }),
      200,
    );
  };
}

/** The DynamoDB Local calls each operation makes in DataApiFunction's item store. */
async function rawCalls(outputs: Record<string, string>): Promise<Call> {
  const documents = DynamoDBDocumentClient.from(
    new DynamoDBClient({ ...local, endpoint: outputs.DynamoDbEndpoint }),
  );
  const TableName = outputs.AppTableName as string;
  const ownerId = `raw-${randomUUID()}`;
  const record = (id: string, version: number) => ({
    PK: `ITEM#${id}`,
    SK: 'ITEM',
    GSI1PK: `OWNER#${ownerId}`,
    GSI1SK: `ITEM#${id}`,
    entity: 'item',
    id,
    ownerId,
    title: 'Load item',
    body: 'x'.repeat(500),
    tags: ['load'],
    visibility: 'private',
    data: {},
    mediaIds: [],
    createdAt: new Date().toISOString(),
    updatedAt: new Date().toISOString(),
    version,
  });
  const get = async (id: string) =>
    (
      await documents.send(
        new GetCommand({ TableName, Key: { PK: `ITEM#${id}`, SK: 'ITEM' }, ConsistentRead: true }),
      )
    ).Item;
  const create = async (id: string) => {
    const Item = record(id, 1);
    await documents.send(
      new PutCommand({ TableName, Item, ConditionExpression: 'attribute_not_exists(PK)' }),
    );
  };
  const own = Array.from({ length: Math.max(...STEPS) }, () => randomUUID());
  await Promise.all(own.map(create));
  return async (operation, slot) => {
    const id = own[slot] as string;
    if (operation === 'get') return (await get(id)) !== undefined;
    if (operation === 'list') {
      await documents.send(
        new QueryCommand({
          TableName,
          IndexName: 'GSI1',
          KeyConditionExpression: 'GSI1PK = :owner AND begins_with(GSI1SK, :prefix)',
          ExpressionAttributeValues: { ':owner': `OWNER#${ownerId}`, ':prefix': 'ITEM#' },
          ScanIndexForward: false,
          Limit: 21,
        }),
      );
      return true;
    }
    if (operation === 'create') return create(randomUUID()).then(() => true);
    // A patch reads the item, then writes it back only if nobody changed it meanwhile.
    const item = await get(id);
    const version = Number(item?.version);
    await documents.send(
      new PutCommand({
        TableName,
        Item: { ...record(id, version + 1), title: `patched ${slot}` },
        ConditionExpression: 'version = :expected',
        ExpressionAttributeValues: { ':expected': version },
      }),
    );
    return true;
  };
}

interface Step {
  figures: StepFigures;
  cpu: string;
}

async function runStep(call: Call, concurrency: number, roots: number[]): Promise<Step> {
  // Each caller its own slot, so a caller's patches follow one another.
  const load = (maxCalls: number) =>
    runBoundedLoad({
      concurrency,
      maxCalls,
      maxSeconds: MAX_SECONDS,
      call: (index) => call(MIX[index % MIX.length] as Operation, index % concurrency),
    });
  // A few calls first: new execution environments start cold, the step measures them warm.
  await load(concurrency * 3);
  const { result, usage } = await measureCpu(roots, () => load(MAX_CALLS));
  return {
    figures: stepFigures(concurrency, result.samples, result.wallSeconds),
    cpu: describeCpu(usage, 3),
  };
}

/** The API and the raw baseline step by step, so each pair meets the same load on the machine. */
async function runSteps(
  calls: { api: Call; raw: Call },
  roots: number[],
): Promise<{ api: Step[]; raw: Step[] }> {
  const api: Step[] = [];
  const raw: Step[] = [];
  for (const concurrency of STEPS) {
    api.push(await runStep(calls.api, concurrency, roots));
    raw.push(await runStep(calls.raw, concurrency, roots));
  }
  return { api, raw };
}

export async function benchLoad(): Promise<void> {
  const sandbox = await startSandboxProcess(unthrottled);
  try {
    const outputs = JSON.parse(readFileSync(sandbox.outputsFile, 'utf8')) as Record<string, string>;
    const load = [loadavg()[0] ?? 0];
    const roots = [process.pid, sandbox.pid];
    const { api, raw } = await runSteps(
      { api: await apiCalls(outputs), raw: await rawCalls(outputs) },
      roots,
    );
    load.push(loadavg()[0] ?? 0);
    const rows = api.map((step, index) => {
      const a = step.figures;
      const r = (raw[index] as Step).figures;
      return `| ${a.concurrency} | ${ms(a.p50)} | ${ms(a.p99)} | ${a.errors} | ${perSecond(a.throughput)} | ${ms(r.p50)} | ${ms(r.p99)} | ${r.errors} | ${perSecond(r.throughput)} | ${((a.throughput / r.throughput) * 100).toFixed(0)}% | ${step.cpu} | ${(raw[index] as Step).cpu} |`;
    });
    const table = [
      '| concurrency | API p50 | API p99 | API errors | API calls/s | raw p50 | raw p99 | raw errors | raw calls/s | API / raw | busiest processes, API step (cores) | busiest processes, raw step (cores) |',
      '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
      ...rows,
    ].join('\n');
    const knee = (steps: Step[]) => {
      const found = kneeOf(steps.map((step) => step.figures));
      return found
        ? `${found.concurrency} concurrent (${perSecond(found.throughput)}; no step with more concurrency beats it by 10%)`
        : 'not reached: throughput still grows at 32 concurrent';
    };
    const notes = [
      `- Knee through the API: ${knee(api)}.`,
      `- Knee of raw DynamoDB Local: ${knee(raw)}.`,
      `- Machine load (1-minute average) ${load.map((value) => value.toFixed(1)).join(' at the start, ')} at the end, on 2 cores shared with other work.`,
    ].join('\n');
    console.log(`\n${table}\n\n${notes}\n`);
    await recordResults(
      'Load: mixed reads and writes at rising concurrency',
      `Command: \`npm run bench -- load\` (${new Date().toISOString().slice(0, 10)}, Node ${process.version}). Each step: up to ${MAX_CALLS} calls or ${MAX_SECONDS} s after 3 warm-up calls per caller, the API step and the raw one in turn at each concurrency, closed loop (each caller sends its next call when the last one answered), keep-alive, loopback only. The mix: 40% \`GET /v1/items/{id}\` (the caller's own item), 20% \`GET /v1/items\`, 20% \`POST /v1/items\`, 20% \`PATCH /v1/items/{id}\` (each caller its own item); the raw baseline makes the DynamoDB Local calls of the same operations (GetItem; Query on GSI1; conditional PutItem; GetItem then conditional PutItem) with the SDK from the benchmark process. CPU from \`/proc/<pid>/stat\` of the benchmark, the sandbox and its children over each measured step ("MainThread" is a Node process: the sandbox with its function environments, or the benchmark).\n\n${table}\n\n${notes}`,
    );
  } finally {
    await sandbox.stop();
  }
}
