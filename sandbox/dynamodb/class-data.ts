// Class data sharing for DynamoDB Local's JVM. Most of its start-up is
// loading, parsing and verifying the classes of DynamoDB Local and its
// libraries; an archive of them, written by the JVM at the exit of one run
// (-XX:ArchiveClassesAtExit) and mapped by the next (-XX:SharedArchiveFile),
// halved the time until it answers and its CPU by then (2.2 → 1.2 s, 2.8 →
// 1.5 s). The JVM checks the archive against its class path and build itself,
// and runs without it, as before, when it does not match.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

const ARCHIVE_PREFIX = 'classes-';
const ARCHIVE_SUFFIX = '.jsa';
// A run that was killed while it wrote its archive leaves the file it wrote to.
const ABANDONED_DUMP_MS = 60 * 60 * 1000;

/**
 * The archive for one kept launch: beside its jars, named for what the JVM
 * checks it against (its command-line options, and each library jar's size
 * and time), so that a reinstalled DynamoDB Local gets one of its own.
 */
export function classDataArchive(
  keptLaunchDir: string,
  libraryPath: string,
  jvmOptions: readonly string[],
): string {
  const digest = createHash('sha256').update(jvmOptions.join('\0'));
  for (const name of readdirSync(libraryPath).sort()) {
    const { size, mtimeMs } = statSync(join(libraryPath, name));
    digest.update(`\0${name}\0${size}\0${mtimeMs}`);
  }
  const key = digest.digest('base64url').slice(0, 24);
  return join(keptLaunchDir, `${ARCHIVE_PREFIX}${key}${ARCHIVE_SUFFIX}`);
}

/** The flags of one JVM's spawn, and what to do with its archive when it exits. */
export interface ClassDataOfSpawn {
  args: string[];
  /** Keeps an archive the JVM wrote at a clean exit (killed, it may be half written). */
  exited(signal: NodeJS.Signals | null): void;
}

let dumps = 0;

/**
 * Maps the archive when there is one. Otherwise this JVM writes one at its
 * exit, beside the archive under a name of its own (other starts may be
 * writing theirs), and it takes the archive's name once it is whole.
 */
export function classDataOfSpawn(archive: string | undefined): ClassDataOfSpawn {
  const sharing = sharedClassDataArgs(archive);
  if (archive === undefined || sharing.length > 0) {
    return { args: sharing, exited: () => undefined };
  }
  removeAbandonedDumps(dirname(archive), Date.now());
  dumps += 1;
  const dumping = `${archive}.${process.pid}-${dumps}.tmp`;
  return {
    args: [`-XX:ArchiveClassesAtExit=${dumping}`],
    exited: (signal) => keepDump(dumping, archive, signal),
  };
}

/** Only the sandbox's own options: the rest of the JVM's class data is the JDK's default archive. */
export function sharedClassDataArgs(archive: string | undefined): string[] {
  return archive !== undefined && existsSync(archive) ? [`-XX:SharedArchiveFile=${archive}`] : [];
}

function keepDump(dumping: string, archive: string, signal: NodeJS.Signals | null): void {
  try {
    if (signal === null && existsSync(dumping)) {
      renameSync(dumping, archive);
      removeOtherArchives(dirname(archive), basename(archive));
    }
  } catch {
    // Another start's archive is in use under that name (Windows): it serves as well.
  } finally {
    rmSync(dumping, { force: true });
  }
}

function removeOtherArchives(dir: string, kept: string): void {
  for (const name of readdirSync(dir)) {
    if (name !== kept && name.startsWith(ARCHIVE_PREFIX) && name.endsWith(ARCHIVE_SUFFIX)) {
      rmSync(join(dir, name), { force: true });
    }
  }
}

function removeAbandonedDumps(dir: string, now: number): void {
  for (const name of readdirSync(dir)) {
    if (!name.startsWith(ARCHIVE_PREFIX) || !name.endsWith('.tmp')) continue;
    const path = join(dir, name);
    try {
      if (now - statSync(path).mtimeMs > ABANDONED_DUMP_MS) rmSync(path, { force: true });
    } catch {
      // Kept or removed by another start meanwhile.
    }
  }
}
