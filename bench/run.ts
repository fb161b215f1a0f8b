import { benchGetItem } from './api-get-item';
import { benchSearch } from './search';
import { benchRealtime } from './realtime-delivery';
import { benchMessaging } from './messaging-delivery';
import { benchAccountErasure } from './account-erasure';
import { benchColdStart } from './cold-start';
import { benchLoad } from './load';
import { benchStartUp } from './start-up';
import { selectBenchmarks, type Benchmark } from './lib/select';

// `npm run bench` runs every benchmark; `npm run bench -- get-item` runs one;
// `npm run bench -- --help` lists them.
const benchmarks: Record<string, Benchmark> = {
  'get-item': {
    description: 'GET /v1/items/{id} through the sandbox against raw GetItem',
    run: benchGetItem,
  },
  search: { description: 'write → searchable and search latency, per engine', run: benchSearch },
  realtime: {
    description: 'message send → WebSocket frame, with many connections open',
    run: benchRealtime,
  },
  messaging: { description: 'message worker throughput against raw SQS', run: benchMessaging },
  erasure: {
    description: 'DELETE /v1/me of an account with 5,000 items, through the state machine',
    run: benchAccountErasure,
  },
  'cold-start': {
    description: "each function's import in fresh Node processes against a minimal handler",
    run: benchColdStart,
  },
  load: {
    description: 'mixed reads and writes at rising concurrency against raw DynamoDB Local',
    run: benchLoad,
  },
  'start-up': {
    description: 'sandbox start until ready (fresh and warm) against DynamoDB Local alone',
    run: benchStartUp,
  },
};

const selection = selectBenchmarks(process.argv.slice(2), benchmarks);
if (selection.kind !== 'run') {
  (selection.kind === 'help' ? console.log : console.error)(selection.text);
  process.exit(selection.kind === 'help' ? 0 : 2);
}
for (const name of selection.names) {
  console.log(`Benchmark: ${name}`);
  await benchmarks[name]?.run();
}
