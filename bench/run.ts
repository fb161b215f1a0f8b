import { benchGetItem } from './api-get-item';
import { benchSearch } from './search';
import { benchRealtime } from './realtime-delivery';
import { benchMessaging } from './messaging-delivery';
import { benchLayerColdStart } from './layer-cold-start';

// `npm run bench` runs every benchmark; `npm run bench -- get-item` runs one.
const benchmarks: Record<string, () => Promise<void>> = {
  'get-item': benchGetItem,
  search: benchSearch,
  realtime: benchRealtime,
  messaging: benchMessaging,
  'layer-cold-start': benchLayerColdStart,
};

const wanted = process.argv.slice(2);
for (const [name, run] of Object.entries(benchmarks)) {
  if (wanted.length > 0 && !wanted.includes(name)) continue;
  console.log(`Benchmark: ${name}`);
  await run();
}
