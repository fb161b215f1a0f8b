import { setTimeout as sleep } from 'node:timers/promises';
import type { ChildProcess } from 'node:child_process';
import { DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { assertPortFree } from '../ports';
import { stopProcess, wasStoppedHere, whenAnswering } from '../processes';
import type { RunningService, SpawnedChild } from '../processes';
import type { EarlyDynamoDbLocal } from './early-start';
import {
  canListenOnLoopbackOnly,
  prepareJvmLaunch,
  prepareWorkDir,
  spawnDynamoDbLocal,
  type JvmLaunch,
  type JvmWorkDir,
} from './jvm-command';

export { canListenOnLoopbackOnly, dynamoDbLocalCommand, prepareJvmLaunch } from './jvm-command';

export interface DynamoDbLocalOptions {
  port: number;
  /** Where tables persist across restarts; undefined keeps them in memory. */
  dataDir?: string;
  startTimeoutMs?: number;
  /** Receives each line DynamoDB Local prints. */
  onLog?: (line: string) => void;
  /** Told when the JVM exited on its own and whether it was started again. */
  onRestart?: (message: string) => void;
  /** A JVM spawned for this port and data directory before the caller was loaded: waited for, not spawned again. */
  early?: EarlyDynamoDbLocal;
  /** Where the compiled loopback launcher is kept between starts; undefined compiles it at every start. */
  keepLauncherIn?: string;
}

/** DynamoDB Local, started again on the same port and data whenever its JVM dies on its own. */
export interface DynamoDbLocal extends RunningService {
  /** The JVM's current process id (for fault-injection tests). */
  processId(): number | undefined;
  /** False when only a JRE was found: then it listens on every interface. */
  loopbackOnly: boolean;
}

const RESTART_ATTEMPTS = 5;
// A JVM that writes its class data archive at exit (the first of a kept
// launch, dynamodb/class-data.ts) took 2.8 s after SIGTERM here.
const STOP_GRACE_MS = 10_000;

/** Starts DynamoDB Local with a shared database: any access key and region see the same tables. */
export async function startDynamoDbLocal(options: DynamoDbLocalOptions): Promise<DynamoDbLocal> {
  const place = { port: options.port, dataDir: options.dataDir };
  const adopted = options.early?.adopt(place);
  if (!adopted) await assertPortFree(options.port, 'DynamoDB Local', '--dynamodb-port');
  const launch = adopted?.launch ?? (await prepareJvmLaunch(options.keepLauncherIn));
  const workDir = adopted?.workDir ?? prepareWorkDir(options.dataDir);
  const removeWorkDir = () => workDir.remove();
  let stopping = false;
  let child: ChildProcess;

  const superviseExit = (current: ChildProcess): void => {
    current.once('exit', (code, signal) => {
      // On SIGINT or SIGTERM the process stops every child at once, before this
      // row's turn to stop: restarting then would leave a JVM behind.
      if (stopping || wasStoppedHere(current)) return;
      void restartAfter(`DynamoDB Local exited (${signal ?? `code ${code}`})`);
    });
  };
  const restartAfter = async (why: string): Promise<void> => {
    for (let attempt = 1; attempt <= RESTART_ATTEMPTS && !stopping; attempt++) {
      try {
        child = await startJvm(options, workDir, launch);
        // Stopped while this JVM booted: the stop saw the one before it.
        if (stopping) return await stopProcess(child, STOP_GRACE_MS);
        superviseExit(child);
        options.onRestart?.(
          `${why}; started again${options.dataDir ? ' on its data' : ' (in memory: empty)'}`,
        );
        return;
      } catch (error) {
        options.onRestart?.(`${why}; restart ${attempt} failed: ${(error as Error).message}`);
        await sleep(1000 * attempt);
      }
    }
  };

  try {
    child = await startJvm(options, workDir, launch, adopted?.spawned);
  } catch (error) {
    removeWorkDir();
    throw error;
  }
  superviseExit(child);
  return {
    endpoint: `http://127.0.0.1:${options.port}`,
    processId: () => child.pid,
    loopbackOnly: canListenOnLoopbackOnly(),
    stop: async () => {
      stopping = true;
      await stopProcess(child, STOP_GRACE_MS);
      removeWorkDir();
    },
  };
}

/** Spawns the JVM (or takes the one spawned early) and waits until it answers ListTables. */
async function startJvm(
  options: DynamoDbLocalOptions,
  workDir: JvmWorkDir,
  launch: JvmLaunch,
  spawnedEarly?: SpawnedChild,
): Promise<ChildProcess> {
  const client = new DynamoDBClient({
    endpoint: `http://127.0.0.1:${options.port}`,
    region: 'us-east-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    maxAttempts: 1,
  });
  try {
    const spawned =
      spawnedEarly ??
      spawnDynamoDbLocal(
        { port: options.port, dataDir: options.dataDir },
        workDir,
        launch,
        options.onLog,
      );
    return await whenAnswering(spawned, {
      name: 'DynamoDB Local',
      probe: () => client.send(new ListTablesCommand({ Limit: 1 })),
      loopbackPort: options.port,
      startTimeoutMs: options.startTimeoutMs,
    });
  } finally {
    client.destroy();
  }
}
