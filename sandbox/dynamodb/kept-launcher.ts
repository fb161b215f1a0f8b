// The loopback launcher (LoopbackDynamoDbLocal.java), compiled once and kept
// in the directory it is given (beside the packages: services/directories.ts).
// Java's source-file mode compiles it at every start: DynamoDB Local then
// answered 0.3 s later than with a compiled class, and the compile was CPU the
// rest of the start competed with. A kept class is used while the source, the
// JDK and DynamoDB Local's release it was compiled with are unchanged;
// anything else compiles again, once.
//
// With the JDK's `jar` tool, the class is kept in a jar beside a copy of
// DynamoDBLocal.jar whose manifest names no class path: the JVM archives
// classes for sharing (class-data.ts) only from jars, and that manifest
// names the jar's own directory.
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, realpathSync } from 'node:fs';
import { copyFile, mkdir, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { delimiter, dirname, join } from 'node:path';

const LAUNCHER_CLASS = 'LoopbackDynamoDbLocal';
/** The kept jars, in class path order before DynamoDB Local's libraries. */
export const KEPT_JARS = ['launcher.jar', 'DynamoDBLocal.jar'] as const;
// What is kept and how: a change here keeps a new directory.
const KEPT_LAYOUT = 'class and jars, 2';
// javac runs once per change; the client compiler and serial GC halve its time to about 0.5 s.
// Java 17's class format, which DynamoDB Local needs anyway: a class kept from a newer JDK
// still runs when the PATH's `java` is an older one behind the same shim.
const JAVAC_OPTIONS = [
  '-J-XX:TieredStopAtLevel=1',
  '-J-XX:+UseSerialGC',
  '--release',
  '17',
  '-nowarn',
];
const JAR_OPTIONS = ['-J-XX:TieredStopAtLevel=1', '-J-XX:+UseSerialGC'];

const executable = (name: string) => (process.platform === 'win32' ? `${name}.exe` : name);

/** The `java` that a spawn of `java` runs, followed through its links; undefined when not on the PATH. */
function javaOnPath(): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    const candidate = join(dir, executable('java'));
    if (dir && existsSync(candidate)) return realpathSync(candidate);
  }
  return undefined;
}

/** The JDK's `release` file beside a `bin/javac`, which lists the runtime's modules. */
const releaseFileOf = (javac: string) => join(dirname(dirname(javac)), 'release');

/**
 * Whether the `java` on the PATH has the compiler module. Its `release` file
 * says so without starting a JVM; where there is none (a launcher stub, as
 * macOS's /usr/bin/java, or a version manager's shim) the JVM is asked.
 */
function hasCompilerModule(javac: string): boolean {
  const releaseFile = releaseFileOf(javac);
  if (existsSync(releaseFile)) return /\bjdk\.compiler\b/.test(readFileSync(releaseFile, 'utf8'));
  const modules = spawnSync('java', ['--list-modules'], { encoding: 'utf8' }).stdout ?? '';
  return modules.includes('jdk.compiler@');
}

let javacBesideJava: string | null | undefined;

/** The JDK's compiler beside the `java` on the PATH; undefined with a JRE (no compiler). */
export function javacOfJava(): string | undefined {
  if (javacBesideJava === undefined) {
    const java = javaOnPath();
    const javac = java && join(dirname(java), executable('javac'));
    javacBesideJava = javac && existsSync(javac) && hasCompilerModule(javac) ? javac : null;
  }
  return javacBesideJava ?? undefined;
}

/** What the class depends on besides its source: the JDK (its release file) and the jar's release. */
function compiledWith(javac: string, release: string): string {
  const releaseFile = releaseFileOf(javac);
  const jdk = existsSync(releaseFile) ? readFileSync(releaseFile, 'utf8') : javac;
  return [jdk, release].join('\0');
}

export interface LauncherToCompile {
  source: string;
  /** DynamoDBLocal.jar, copied beside the class. */
  jar: string;
  /** DynamoDB Local's jar and libraries, which the launcher is compiled against. */
  classPath: string;
  /** DynamoDB Local's release directory name, part of the key. */
  release: string;
}

/**
 * The directory holding the compiled launcher class under `keepDir`, compiled
 * now when no kept one matches. Fails, with javac's own words, when it does not compile.
 */
export async function keptLauncherClasses(
  keepDir: string,
  launcher: LauncherToCompile,
  javac: string,
): Promise<string> {
  const key = createHash('sha256')
    .update(readFileSync(launcher.source))
    .update('\0')
    .update(compiledWith(javac, launcher.release))
    .update(`\0${KEPT_LAYOUT}`)
    .digest('base64url')
    .slice(0, 32);
  const classes = join(keepDir, key);
  if (existsSync(join(classes, `${LAUNCHER_CLASS}.class`))) return classes;
  // Compiled beside, then renamed: a start that stops halfway leaves no class that looks kept.
  const compiling = `${classes}.${process.pid}.tmp`;
  await mkdir(compiling, { recursive: true });
  try {
    await compile(javac, launcher, compiling);
    const jarTool = join(dirname(javac), executable('jar'));
    if (existsSync(jarTool)) await packJars(jarTool, launcher.jar, compiling);
    await keepCompiled(compiling, classes);
  } finally {
    await rm(compiling, { recursive: true, force: true });
  }
  await removeOtherKeys(keepDir, key);
  return classes;
}

/**
 * Puts the compiled class in place. Another start that compiled the same key
 * first has already put an identical one there, which may be running: it is
 * used, never removed; only a directory without the class is replaced.
 */
async function keepCompiled(compiling: string, classes: string): Promise<void> {
  try {
    await rename(compiling, classes);
  } catch (error) {
    if (existsSync(join(classes, `${LAUNCHER_CLASS}.class`))) return;
    if (!['EEXIST', 'ENOTEMPTY', 'EPERM'].includes((error as NodeJS.ErrnoException).code ?? '')) {
      throw error;
    }
    await rm(classes, { recursive: true, force: true });
    await rename(compiling, classes);
  }
}

async function compile(javac: string, launcher: LauncherToCompile, outDir: string): Promise<void> {
  const args = [...JAVAC_OPTIONS, '-d', outDir, '-cp', launcher.classPath, launcher.source];
  const { code, errors } = await run(javac, args);
  if (code !== 0) {
    throw new Error(
      `DynamoDB Local's loopback launcher did not compile (javac ${code}):\n${errors}`,
    );
  }
}

/** The class in its own jar, and DynamoDBLocal.jar copied with its manifest's class path emptied. */
async function packJars(jarTool: string, dynamoDbLocalJar: string, dir: string): Promise<void> {
  const [launcherJar, copiedJar] = KEPT_JARS.map((name) => join(dir, name)) as [string, string];
  const manifest = join(dir, 'class-path.mf');
  await copyFile(dynamoDbLocalJar, copiedJar);
  // Its libraries are on the command line's class path, as they were.
  await writeFile(manifest, 'Class-Path: \n');
  const steps: [string, string[]][] = [
    ['--create', ['--file', launcherJar, '-C', dir, `${LAUNCHER_CLASS}.class`]],
    ['--update', ['--file', copiedJar, '--manifest', manifest]],
  ];
  for (const [step, args] of steps) {
    const { code, errors } = await run(jarTool, [...JAR_OPTIONS, step, ...args]);
    if (code !== 0) throw new Error(`jar ${step} failed (${code}):\n${errors}`);
  }
  await rm(manifest);
}

async function run(
  command: string,
  args: string[],
): Promise<{ code: number | null; errors: string }> {
  const child = spawn(command, args, { stdio: ['ignore', 'ignore', 'pipe'] });
  let errors = '';
  child.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()));
  const code = await new Promise<number | null>((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', resolve);
  });
  return { code, errors };
}

/** Classes kept for an earlier source, JDK or release (a start compiling its own is left alone). */
async function removeOtherKeys(keepDir: string, key: string): Promise<void> {
  const entries = await readdir(keepDir);
  await Promise.all(
    entries
      .filter((name) => name !== key && !name.endsWith('.tmp'))
      .map((name) => rm(join(keepDir, name), { recursive: true, force: true })),
  );
}
