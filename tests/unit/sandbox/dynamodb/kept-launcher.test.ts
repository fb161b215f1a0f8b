import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { jest } from '@jest/globals';
import { javacOfJava, keptLauncherClasses } from '../../../../sandbox/dynamodb/kept-launcher';

// The JDK's own compiler on a small stand-in for the launcher: what is kept,
// when it is compiled again, and how a compile error is told.
const javac = javacOfJava();
const withJdk = javac ? describe : describe.skip;

let work: string;
let keepDir: string;
let source: string;
let standInJar: string;

const launcherSource = (greeting: string) =>
  `public class LoopbackDynamoDbLocal { public static void main(String[] a) { System.out.println("${greeting}"); } }\n`;

const keep = (release = 'release-1') =>
  keptLauncherClasses(
    keepDir,
    { source, jar: standInJar, classPath: work, release },
    javac as string,
  );

const jarTool = () => join(dirname(javac as string), 'jar');

/** A stand-in for DynamoDBLocal.jar, whose manifest names its own directory, as that one's does. */
async function makeStandInJar(): Promise<string> {
  const contents = join(work, 'stand-in');
  await mkdir(contents);
  await writeFile(join(contents, 'README.txt'), 'stand-in');
  await writeFile(join(work, 'stand-in.mf'), 'Class-Path: . lib/other.jar\n');
  const jar = join(work, 'DynamoDBLocal.jar');
  execFileSync(jarTool(), [
    '--create',
    '--file',
    jar,
    '--manifest',
    join(work, 'stand-in.mf'),
    '-C',
    contents,
    '.',
  ]);
  return jar;
}

async function manifestOf(jar: string): Promise<string> {
  const into = await mkdtemp(join(work, 'manifest-'));
  execFileSync(jarTool(), ['--extract', '--file', jar, 'META-INF/MANIFEST.MF'], { cwd: into });
  return readFile(join(into, 'META-INF', 'MANIFEST.MF'), 'utf8');
}

const classFile = (dir: string) => join(dir, 'LoopbackDynamoDbLocal.class');

beforeEach(async () => {
  work = await mkdtemp(join(tmpdir(), 'kept-launcher-'));
  keepDir = join(work, 'keep');
  source = join(work, 'LoopbackDynamoDbLocal.java');
  await writeFile(source, launcherSource('one'));
  if (javac) standInJar = await makeStandInJar();
});

afterEach(async () => {
  await rm(work, { recursive: true, force: true });
});

withJdk('the kept loopback launcher', () => {
  jest.setTimeout(30_000);

  it('compiles the class once and finds it kept at the next start', async () => {
    const first = await keep();
    const compiledAt = (await stat(classFile(first))).mtimeMs;

    const second = await keep();

    expect(second).toBe(first);
    expect((await stat(classFile(second))).mtimeMs).toBe(compiledAt);
  });

  it('keeps the class in a jar that runs it, for the JVM to archive its classes', async () => {
    const kept = await keep();

    const printed = execFileSync('java', [
      '-cp',
      join(kept, 'launcher.jar'),
      'LoopbackDynamoDbLocal',
    ]);

    expect(printed.toString().trim()).toBe('one');
  });

  it("keeps DynamoDBLocal.jar's copy with a manifest that names no class path", async () => {
    const kept = await keep();

    expect(await manifestOf(standInJar)).toMatch(/Class-Path: \. lib\/other\.jar/);
    expect(await manifestOf(join(kept, 'DynamoDBLocal.jar'))).toMatch(/^Class-Path: *\r?$/m);
  });

  it('compiles again when the source changes, and keeps only the new class', async () => {
    const first = await keep();
    await writeFile(source, launcherSource('two'));

    const second = await keep();

    expect(second).not.toBe(first);
    expect((await stat(classFile(second))).isFile()).toBe(true);
    expect(await readdir(keepDir)).toEqual([second.slice(keepDir.length + 1)]);
  });

  it('compiles again for another DynamoDB Local release', async () => {
    const first = await keep('release-1');

    expect(await keep('release-2')).not.toBe(first);
  });

  it("fails with javac's words when the source does not compile, keeping nothing", async () => {
    await writeFile(source, 'public class LoopbackDynamoDbLocal { not java }\n');

    await expect(keep()).rejects.toThrow(/did not compile \(javac 1\):[\s\S]*error/);
    expect(await readdir(keepDir)).toEqual([]);
  });
});
