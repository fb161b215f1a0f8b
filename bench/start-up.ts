import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { prepareJvmLaunch } from '../sandbox/dynamodb/dynamodb-local';
import type { JvmLaunch } from '../sandbox/dynamodb/jvm-command';
import { keptLauncherDir } from '../sandbox/services/directories';
import { timeDynamoDbLocal, timeSandbox } from './lib/start-up-timing';
import { recordResults } from './lib/results';
import { percentile } from './lib/stats';

// Sandbox start-up against its floor, DynamoDB Local's JVM, in one run:
// fresh processes, interleaved rounds (the order rotates each round), medians.
// "fresh": an empty state directory (no builds, no data), as after a clone;
// "warm": the state directory of an earlier start, as on every restart.
// Target: ready within 1.3× of DynamoDB Local alone.
const ROUNDS = Number(process.env.START_UP_ROUNDS ?? 5);
const MAX_RATIO = 1.3;

// 'unshared': DynamoDB Local alone without the class data archive the
// sandbox keeps, as every start ran it before; shown, not the floor.
type Subject = 'dynamodb' | 'unshared' | 'fresh' | 'warm';
const SUBJECTS: Subject[] = ['dynamodb', 'warm', 'unshared', 'fresh'];

interface Samples {
  wall: Record<Subject, number[]>;
  /** CPU seconds of all the start's processes by the time it was ready. */
  cpu: Record<Subject, number[]>;
  /** The sandboxes' own "ready in" figures. */
  reported: Record<'fresh' | 'warm', number[]>;
}

async function measureRounds(warmStateDir: string, launch: JvmLaunch): Promise<Samples> {
  const samples: Samples = {
    wall: { dynamodb: [], unshared: [], fresh: [], warm: [] },
    cpu: { dynamodb: [], unshared: [], fresh: [], warm: [] },
    reported: { fresh: [], warm: [] },
  };
  for (let round = 0; round < ROUNDS; round += 1) {
    const order = SUBJECTS.map((_, i) => SUBJECTS[(i + round) % SUBJECTS.length] as Subject);
    for (const subject of order) {
      if (subject === 'dynamodb' || subject === 'unshared') {
        const { wallMs, cpuSeconds } = await timeDynamoDbLocal(launch, subject === 'unshared');
        samples.wall[subject].push(wallMs);
        samples.cpu[subject].push(cpuSeconds);
        continue;
      }
      const stateDir =
        subject === 'warm' ? warmStateDir : mkdtempSync(join(tmpdir(), 'start-up-bench-fresh-'));
      try {
        const { wallMs, cpuSeconds, reportedMs } = await timeSandbox(stateDir);
        samples.wall[subject].push(wallMs);
        samples.cpu[subject].push(cpuSeconds);
        samples.reported[subject].push(reportedMs);
      } finally {
        if (subject === 'fresh') rmSync(stateDir, { recursive: true, force: true });
      }
    }
    process.stdout.write(`round ${round + 1}/${ROUNDS} done\n`);
  }
  return samples;
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const median = (values: number[]) => percentile(values, 50);

function report(samples: Samples): string {
  const floor = median(samples.wall.dynamodb);
  const row = (label: string, subject: Subject, reported?: number[]) => {
    const values = samples.wall[subject];
    return `| ${label} | ${seconds(median(values))} | ${seconds(Math.min(...values))} | ${seconds(Math.max(...values))} | ${reported ? seconds(median(reported)) : ''} | ${median(samples.cpu[subject]).toFixed(2)} s | ${(median(values) / floor).toFixed(2)}× |`;
  };
  const verdict = (subject: 'fresh' | 'warm') => {
    const ratio = median(samples.wall[subject]) / floor;
    return `- ${subject} state directory: ${ratio.toFixed(2)}× DynamoDB Local alone (target ≤ ${MAX_RATIO}×): ${ratio <= MAX_RATIO ? 'met' : 'NOT met'}`;
  };
  return [
    '| start until ready | median | fastest | slowest | ready line says (median) | CPU by then (median) | × DynamoDB Local |',
    '| --- | --- | --- | --- | --- | --- | --- |',
    row('DynamoDB Local alone (JVM spawn → ListTables answered)', 'dynamodb'),
    row('DynamoDB Local alone without the class data archive', 'unshared'),
    row('sandbox, warm state directory (spawn → ready line)', 'warm', samples.reported.warm),
    row('sandbox, fresh state directory (spawn → ready line)', 'fresh', samples.reported.fresh),
    '',
    verdict('warm'),
    verdict('fresh'),
    cpuBound(samples, floor),
  ].join('\n');
}

/**
 * The earliest a warm start could be ready on this machine if its CPU were
 * spread perfectly over every core: when that alone exceeds the target, no
 * overlap of the services can meet it here, only less work.
 */
function cpuBound(samples: Samples, floor: number): string {
  const cores = availableParallelism();
  const cpuMs = median(samples.cpu.warm) * 1000;
  const boundMs = cpuMs / cores;
  return `- CPU bound of a warm start on ${cores} cores: its ${seconds(cpuMs)} of CPU take at least ${seconds(boundMs)} (${(boundMs / floor).toFixed(2)}× DynamoDB Local alone) however the work overlaps; DynamoDB Local alone uses ${seconds(median(samples.cpu.dynamodb) * 1000)} of CPU in ${seconds(floor)}`;
}

export async function benchStartUp(): Promise<void> {
  const warmStateDir = mkdtempSync(join(tmpdir(), 'start-up-bench-warm-'));
  try {
    // One untimed start leaves what every later start finds: builds, data, the demo user.
    await timeSandbox(warmStateDir);
    // DynamoDB Local alone runs the launcher that start compiled and kept, as a warm start does.
    const launch = await prepareJvmLaunch(keptLauncherDir());
    const figures = report(await measureRounds(warmStateDir, launch));
    console.log(`\n${figures}\n`);
    await recordResults(
      'Sandbox start-up',
      `Command: \`npm run bench -- start-up\` (${new Date().toISOString().slice(0, 10)}, Node ${process.version}). ${ROUNDS} interleaved rounds of fresh processes, the order rotated each round: DynamoDB Local alone with the sandbox's JVM flags, launcher (the class a warm start keeps), class data archive (kept in \`node_modules/.cache\`, written by the first start's JVM at its exit) and data directory, and once more without that archive (as every start ran it before; not the floor), from spawning \`java\` to its first answered ListTables (probed every 20 ms); the sandbox as \`npm start\` runs it (\`sandbox/start.mjs\`: the kept bundle of \`sandbox/main.ts\` on plain Node, kept in \`node_modules/.cache\`, so also for the fresh state directory; free ports, \`--quiet\`), from spawning Node to its ready line, with a warm state directory (an earlier start's builds, data and demo user) and with a fresh one (nothing built, no data). CPU is user plus system time, read from /proc, of every process of the start alive at that moment (the JVM and cognito-local included). Ratios are of medians.\n\n${figures}`,
    );
  } finally {
    rmSync(warmStateDir, { recursive: true, force: true });
  }
}
