import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  rmSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import {
  classDataArchive,
  classDataOfSpawn,
  sharedClassDataArgs,
} from '../../../../sandbox/dynamodb/class-data';

// What a JVM of DynamoDB Local is told about class data sharing, and what is
// kept of the archive it writes, with files standing in for the JVM's.
let keptDir: string;
let libraryPath: string;
const OPTIONS = ['-XX:TieredStopAtLevel=1', '-Xmx256m'];

beforeEach(() => {
  keptDir = mkdtempSync(join(tmpdir(), 'class-data-'));
  libraryPath = join(keptDir, 'lib');
  mkdirSync(libraryPath);
  writeFileSync(join(libraryPath, 'a.jar'), 'a');
  writeFileSync(join(libraryPath, 'b.jar'), 'bb');
});

afterEach(() => rmSync(keptDir, { recursive: true, force: true }));

/** What the JVM does with -XX:ArchiveClassesAtExit=<path>: writes the archive there at its exit. */
function jvmWritesItsDump(args: string[]): string {
  const flag = args.find((arg) => arg.startsWith('-XX:ArchiveClassesAtExit='));
  if (!flag) throw new Error(`no dump asked for in ${args.join(' ')}`);
  const dumping = flag.slice('-XX:ArchiveClassesAtExit='.length);
  writeFileSync(dumping, 'archive');
  return dumping;
}

describe('the class data archive of a kept launch', () => {
  it('is named for the JVM options and for each library jar, beside the kept jars', () => {
    const archive = classDataArchive(keptDir, libraryPath, OPTIONS);

    expect(archive.startsWith(join(keptDir, 'classes-'))).toBe(true);
    expect(archive.endsWith('.jsa')).toBe(true);
    expect(classDataArchive(keptDir, libraryPath, OPTIONS)).toBe(archive);
    expect(classDataArchive(keptDir, libraryPath, [...OPTIONS, '-Xmx512m'])).not.toBe(archive);
  });

  it('gets another name when a library jar changes, as after a reinstall', () => {
    const before = classDataArchive(keptDir, libraryPath, OPTIONS);
    writeFileSync(join(libraryPath, 'b.jar'), 'bbb');

    expect(classDataArchive(keptDir, libraryPath, OPTIONS)).not.toBe(before);
  });
});

describe('a JVM spawned with a kept launch', () => {
  it('writes an archive at its exit when there is none, kept once it exited cleanly', () => {
    const archive = classDataArchive(keptDir, libraryPath, OPTIONS);
    const spawn = classDataOfSpawn(archive);
    const dumping = jvmWritesItsDump(spawn.args);

    spawn.exited(null);

    expect(existsSync(archive)).toBe(true);
    expect(existsSync(dumping)).toBe(false);
  });

  it('maps the archive once there is one', () => {
    const archive = classDataArchive(keptDir, libraryPath, OPTIONS);
    writeFileSync(archive, 'archive');

    expect(classDataOfSpawn(archive).args).toEqual([`-XX:SharedArchiveFile=${archive}`]);
    expect(sharedClassDataArgs(archive)).toEqual([`-XX:SharedArchiveFile=${archive}`]);
  });

  it('keeps nothing of a JVM that was killed while it wrote, and asks the next one again', () => {
    const archive = classDataArchive(keptDir, libraryPath, OPTIONS);
    const spawn = classDataOfSpawn(archive);
    const dumping = jvmWritesItsDump(spawn.args);

    spawn.exited('SIGKILL');

    expect(existsSync(archive)).toBe(false);
    expect(existsSync(dumping)).toBe(false);
    expect(classDataOfSpawn(archive).args[0]).toMatch(/^-XX:ArchiveClassesAtExit=/);
  });

  it('gives two JVMs writing at once a file each', () => {
    const archive = classDataArchive(keptDir, libraryPath, OPTIONS);

    const first = classDataOfSpawn(archive).args;
    const second = classDataOfSpawn(archive).args;

    expect(first).not.toEqual(second);
  });

  it('removes the archive of an earlier name when it keeps a new one', () => {
    const old = join(keptDir, 'classes-old.jsa');
    writeFileSync(old, 'old archive');
    const archive = classDataArchive(keptDir, libraryPath, OPTIONS);
    const spawn = classDataOfSpawn(archive);
    jvmWritesItsDump(spawn.args);

    spawn.exited(null);

    expect(readdirSync(keptDir).filter((name) => name.endsWith('.jsa'))).toEqual([
      basename(archive),
    ]);
  });

  it('removes what a killed start left writing over an hour ago, not what one writes now', () => {
    const abandoned = join(keptDir, 'classes-x.jsa.1-1.tmp');
    const recent = join(keptDir, 'classes-x.jsa.2-1.tmp');
    writeFileSync(abandoned, 'half');
    writeFileSync(recent, 'half');
    const twoHoursAgo = new Date(Date.now() - 2 * 60 * 60 * 1000);
    utimesSync(abandoned, twoHoursAgo, twoHoursAgo);

    classDataOfSpawn(classDataArchive(keptDir, libraryPath, OPTIONS));

    expect(existsSync(abandoned)).toBe(false);
    expect(existsSync(recent)).toBe(true);
  });

  it('is given no class data flags without a kept launch', () => {
    expect(classDataOfSpawn(undefined).args).toEqual([]);
    expect(sharedClassDataArgs(undefined)).toEqual([]);
    expect(sharedClassDataArgs(join(keptDir, 'classes-none.jsa'))).toEqual([]);
  });
});
