import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { sharedClassDataArgs } from '../../sandbox/dynamodb/class-data';
import { dynamoDbLocalCommand } from '../../sandbox/dynamodb/dynamodb-local';
import type { JvmLaunch } from '../../sandbox/dynamodb/jvm-command';
import { freePort } from '../../sandbox/ports';
import { lostAFreePort } from '../../sandbox/spawn-sandbox';
import { SANDBOX_SERVICES } from '../../sandbox/services/table';
import { snapshotProcessTree } from './cpu-usage';

// Wall-clock start-up of fresh processes, from spawn to "ready": DynamoDB Local
// as the sandbox runs it (same JVM flags, launcher and data directory layout)
// until it answers ListTables, and the sandbox as `npm start` runs it until
// its ready line. Every process is stopped before the next one starts.

const START_TIMEOUT_MS = 120_000;
const PROBE_INTERVAL_MS = 20;

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const killer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(killer);
}

/** A start's wall time, and the CPU its processes had used by then. */
export interface StartTiming {
  wallMs: number;
  /**
   * User plus system CPU seconds of the spawned process and its descendants
   * alive at that moment (threads included; a helper process that already
   * exited is not counted). Read from /proc: NaN where there is none.
   */
  cpuSeconds: number;
}

/** CPU seconds a process tree has used so far. */
function cpuSecondsOf(child: ChildProcess): number {
  if (child.pid === undefined || process.platform !== 'linux') return Number.NaN;
  return snapshotProcessTree(child.pid).reduce((sum, stat) => sum + stat.cpuSeconds, 0);
}

/**
 * From spawning the JVM (with the sandbox's kept launcher, and its class data
 * archive unless `withoutClassData`) to its first answered ListTables.
 */
export async function timeDynamoDbLocal(
  launch: JvmLaunch,
  withoutClassData = false,
): Promise<StartTiming> {
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'start-up-bench-dynamodb-'));
  const workDir = join(dataDir, 'dynamodb');
  mkdirSync(workDir);
  const classData = withoutClassData ? [] : sharedClassDataArgs(launch.classArchive);
  const { command, args } = dynamoDbLocalCommand({ port, dataDir, workDir, ...launch, classData });
  const client = new DynamoDBClient({
    endpoint: `http://127.0.0.1:${port}`,
    region: 'us-east-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    maxAttempts: 1,
  });
  const started = performance.now();
  const child = spawn(command, args, { cwd: workDir, stdio: 'ignore' });
  try {
    while (performance.now() - started < START_TIMEOUT_MS) {
      if (child.exitCode !== null) throw new Error(`DynamoDB Local exited (${child.exitCode})`);
      try {
        await client.send(new ListTablesCommand({ Limit: 1 }));
        return { wallMs: performance.now() - started, cpuSeconds: cpuSecondsOf(child) };
      } catch {
        await sleep(PROBE_INTERVAL_MS);
      }
    }
    throw new Error(`DynamoDB Local did not answer within ${START_TIMEOUT_MS} ms`);
  } finally {
    client.destroy();
    await stop(child);
  }
}

/** What the sandbox said when it was ready: the wall time and CPU seen here, and its own figure. */
export interface SandboxStart extends StartTiming {
  /** The "ready in N.N s" of the ready line, in milliseconds; NaN when missing. */
  reportedMs: number;
}

// A port chosen free can be taken by another process before the sandbox listens on it
// (free ports come from the range outgoing connections use): such a start is timed again.
const START_ATTEMPTS = 3;

/** Spawns `sandbox/start.mjs` (as `npm start` runs it) on free ports with this state directory. */
export async function timeSandbox(stateDir: string): Promise<SandboxStart> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await timeSandboxOnce(stateDir);
    } catch (error) {
      if (attempt >= START_ATTEMPTS || !lostAFreePort(error)) throw error;
      console.log(
        `A free port was taken before the sandbox listened on it; timing that start again`,
      );
    }
  }
}

async function timeSandboxOnce(stateDir: string): Promise<SandboxStart> {
  const ports = SANDBOX_SERVICES.flatMap(({ port }) => (port ? [`--${port.flag}`, '0'] : []));
  const args = ['sandbox/start.mjs', '--quiet', '--state-dir', stateDir, ...ports];
  const started = performance.now();
  const child = spawn(process.execPath, args, {
    cwd: process.cwd(),
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, FORCE_COLOR: '0' },
  });
  let output = '';
  try {
    return await new Promise<SandboxStart>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`The sandbox was not ready within ${START_TIMEOUT_MS} ms`)),
        START_TIMEOUT_MS,
      );
      child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
      child.stdout.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        const ready = /Sandbox ready(?: in ([\d.]+) s)?/.exec(output);
        if (!ready) return;
        clearTimeout(timer);
        resolve({
          wallMs: performance.now() - started,
          cpuSeconds: cpuSecondsOf(child),
          reportedMs: Number(ready[1]) * 1000,
        });
      });
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`The sandbox exited (${code}) before it was ready:\n${output}`));
      });
    });
  } finally {
    await stop(child);
  }
}
