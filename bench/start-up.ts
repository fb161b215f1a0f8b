import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
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

type Subject = 'dynamodb' | 'fresh' | 'warm';
const SUBJECTS: Subject[] = ['dynamodb', 'warm', 'fresh'];

interface Samples {
  wall: Record<Subject, number[]>;
  /** The sandboxes' own "ready in" figures. */
  reported: Record<'fresh' | 'warm', number[]>;
}

async function measureRounds(warmStateDir: string, launch: JvmLaunch): Promise<Samples> {
  const samples: Samples = {
    wall: { dynamodb: [], fresh: [], warm: [] },
    reported: { fresh: [], warm: [] },
  };
  for (let round = 0; round < ROUNDS; round += 1) {
    const order = SUBJECTS.map((_, i) => SUBJECTS[(i + round) % SUBJECTS.length] as Subject);
    for (const subject of order) {
      if (subject === 'dynamodb') {
        samples.wall.dynamodb.push(await timeDynamoDbLocal(launch));
        continue;
      }
      const stateDir =
        subject === 'warm' ? warmStateDir : mkdtempSync(join(tmpdir(), 'start-up-bench-fresh-'));
      try {
        const { wallMs, reportedMs } = await timeSandbox(stateDir);
        samples.wall[subject].push(wallMs);
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
  const row = (label: string, values: number[], reported?: number[]) =>
    `| ${label} | ${seconds(median(values))} | ${seconds(Math.min(...values))} | ${seconds(Math.max(...values))} | ${reported ? seconds(median(reported)) : ''} | ${(median(values) / floor).toFixed(2)}× |`;
  const verdict = (subject: 'fresh' | 'warm') => {
    const ratio = median(samples.wall[subject]) / floor;
    return `- ${subject} state directory: ${ratio.toFixed(2)}× DynamoDB Local alone (target ≤ ${MAX_RATIO}×): ${ratio <= MAX_RATIO ? 'met' : 'NOT met'}`;
  };
  return [
    '| start until ready | median | fastest | slowest | ready line says (median) | × DynamoDB Local |',
    '| --- | --- | --- | --- | --- | --- |',
    row('DynamoDB Local alone (JVM spawn → ListTables answered)', samples.wall.dynamodb),
    row(
      'sandbox, warm state directory (spawn → ready line)',
      samples.wall.warm,
      samples.reported.warm,
    ),
    row(
      'sandbox, fresh state directory (spawn → ready line)',
      samples.wall.fresh,
      samples.reported.fresh,
    ),
    '',
    verdict('warm'),
    verdict('fresh'),
  ].join('\n');
}

export async function benchStartUp(): Promise<void> {
  const warmStateDir = mkdtempSync(join(tmpdir(), 'start-up-bench-warm-'));
  try {
    // One untimed start leaves what every later start finds: builds, data, the demo user.
    await timeSandbox(warmStateDir);
    // DynamoDB Local alone runs the launcher that start compiled and kept, as a warm start does.
    const launch = await prepareJvmLaunch(keptLauncherDir({ stateDir: warmStateDir }));
    const figures = report(await measureRounds(warmStateDir, launch));
    console.log(`\n${figures}\n`);
    await recordResults(
      'Sandbox start-up',
      `Command: \`npm run bench -- start-up\` (${new Date().toISOString().slice(0, 10)}, Node ${process.version}). ${ROUNDS} interleaved rounds of fresh processes, the order rotated each round: DynamoDB Local alone with the sandbox's JVM flags, launcher (the class a warm start keeps) and data directory, from spawning \`java\` to its first answered ListTables (probed every 20 ms); the sandbox as \`npm start\` runs it (\`sandbox/start.mjs\`: the kept bundle of \`sandbox/main.ts\` on plain Node, kept in \`node_modules/.cache\`, so also for the fresh state directory; free ports, \`--quiet\`), from spawning Node to its ready line, with a warm state directory (an earlier start's builds, data and demo user) and with a fresh one (nothing built, no data). Ratios are of medians.\n\n${figures}`,
    );
  } finally {
    rmSync(warmStateDir, { recursive: true, force: true });
  }
}
