// DynamoDB Local's JVM is the slowest thing a start waits for, so `npm start`
// spawns it before it reads the template or loads any service; the dynamodb
// row of the services table then adopts the running JVM and waits for it.
// Until a row adopts it, whoever spawned it stops it when the start fails.
import { assertPortFree, freePort } from '../ports';
import { stopProcess, type SpawnedChild } from '../processes';
import {
  prepareJvmLaunch,
  prepareWorkDir,
  spawnDynamoDbLocal,
  type DynamoDbLocalPlace,
  type JvmLaunch,
  type JvmWorkDir,
} from './jvm-command';

/** The JVM, its working directory and launch (for restarts), owned from then on by the one who adopted them. */
export interface AdoptedJvm {
  spawned: SpawnedChild;
  workDir: JvmWorkDir;
  launch: JvmLaunch;
}

export interface EarlyDynamoDbLocal extends DynamoDbLocalPlace {
  /** When `java` was spawned, in ms since the process began (for `--verbose`). */
  spawnedMs: number;
  /** Hands over the JVM once; an error when it was spawned for another port or data directory. */
  adopt(place: DynamoDbLocalPlace): AdoptedJvm;
  /** Stops the JVM and removes a temporary working directory, unless it was adopted. */
  abandon(): Promise<void>;
}

/**
 * `requested.port` 0 picks a free port; a taken one fails here, naming the
 * option that moves it. `keepLauncherIn` keeps the compiled loopback launcher
 * between starts, with its class data archive (services/directories.ts;
 * undefined compiles it at every start).
 */
export async function spawnDynamoDbLocalEarly(
  requested: DynamoDbLocalPlace,
  keepLauncherIn?: string,
): Promise<EarlyDynamoDbLocal> {
  const port = requested.port === 0 ? await freePort() : requested.port;
  if (requested.port !== 0) await assertPortFree(port, 'DynamoDB Local', '--dynamodb-port');
  const { dataDir } = requested;
  const launch = await prepareJvmLaunch(keepLauncherIn);
  const workDir = prepareWorkDir(dataDir);
  let spawned: SpawnedChild;
  try {
    spawned = spawnDynamoDbLocal({ port, dataDir }, workDir, launch);
  } catch (error) {
    workDir.remove();
    throw error;
  }
  const spawnedMs = performance.now();
  let state: 'spawned' | 'adopted' | 'abandoned' = 'spawned';
  return {
    port,
    dataDir,
    spawnedMs,
    adopt(place) {
      if (state !== 'spawned') throw new Error(`DynamoDB Local's early JVM was ${state} already`);
      if (place.port !== port || place.dataDir !== dataDir) {
        throw new Error(
          `DynamoDB Local's early JVM listens on ${port} with ${dataDir ?? 'no data directory'}, ` +
            `not on ${place.port} with ${place.dataDir ?? 'no data directory'}`,
        );
      }
      state = 'adopted';
      return { spawned, workDir, launch };
    },
    async abandon() {
      if (state !== 'spawned') return;
      state = 'abandoned';
      await stopProcess(spawned.child);
      workDir.remove();
    },
  };
}
