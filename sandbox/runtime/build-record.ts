// A bundle is reused at start when nothing it was built from changed, as build
// tools do it: a record beside the builds keeps a digest of the esbuild options
// and version, of every input esbuild read (its metafile), of the file names in
// each source directory of those inputs (a new file can change what an import
// resolves to), of the manifests, lockfiles and tsconfig files from the
// working directory up (which decide what a package import resolves to), and
// of every output. Any difference, or anything missing, means a build. A file
// whose size and modification time are those recorded, and older than the
// record by a margin (git's rule for "racily clean" files), keeps its recorded
// digest without being read, as make and git trust a file's stat.
import { createHash } from 'node:crypto';
import { readFileSync, readFile as readFileWithCallback, statSync } from 'node:fs';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import { dirname, join, resolve, sep } from 'node:path';
import * as esbuild from 'esbuild';

interface BuildRecord {
  options: string;
  /** Digest by absolute path: inputs, directory listings, manifests, outputs. */
  files: Record<string, string>;
  /** The inputs that are not dependencies: what a watcher watches. */
  sources: string[];
  /** Size and modification time by path, when each file was digested. */
  stats?: Record<string, string>;
  /** When the record was written (ms since the epoch). */
  recordedAt?: number;
}

const RESOLUTION_FILES = ['package.json', 'package-lock.json', 'tsconfig.json'];
const ABSENT = 'absent';
// Recorded for an input or output that was gone when its build was recorded: never matches.
const UNUSABLE = 'unusable';
// Enough to keep a few thousand dependency files from exhausting file handles.
const PARALLEL_READS = 64;
// A file changed this close before its record could change again within the same mtime tick.
const RACY_MARGIN_MS = 2000;

export function recordFile(outDir: string, logicalId: string): string {
  return join(outDir, '.records', `${logicalId}.json`);
}

// fs/promises' readFile opens a FileHandle per file, several times the main
// thread's work of the callback readFile: thousands of inputs are read while the sandbox starts.
const readInput = promisify(readFileWithCallback);

const digest = (data: string | Buffer) => createHash('sha256').update(data).digest('base64url');

/** Directory listings are keyed with a trailing separator, files by their path. */
async function digestOf(key: string): Promise<string> {
  try {
    if (key.endsWith(sep)) return digest((await readdir(key)).sort().join('\0'));
    return digest(await readInput(key));
  } catch {
    return ABSENT;
  }
}

/** A file's stat as recorded: size and modification time. */
interface FileStat {
  recorded: string;
  mtimeMs: number;
}

/**
 * A file's size and modification time; undefined for a directory listing or a
 * missing file. Synchronous: thousands of stats in one loop cost the main
 * thread a fraction of as many round trips through the thread pool.
 */
function statOf(key: string): FileStat | undefined {
  if (key.endsWith(sep)) return undefined;
  try {
    const stat = statSync(key, { throwIfNoEntry: false });
    return stat && { recorded: `${stat.size}:${stat.mtimeMs}`, mtimeMs: stat.mtimeMs };
  } catch {
    return undefined;
  }
}

/** What an earlier record knew: a file whose stat still matches keeps its digest unread. */
interface Known {
  digests: Record<string, string>;
  stats: Record<string, string>;
  /** Files modified after this (ms since the epoch) are read whatever their stat. */
  trustedBefore: number;
}

function trustedDigest(key: string, stat: FileStat | undefined, known?: Known) {
  const recorded = known?.digests[key];
  const trusted = stat && known?.stats[key] === stat.recorded && stat.mtimeMs < known.trustedBefore;
  return trusted ? recorded : undefined;
}

interface Digested {
  digests: Record<string, string>;
  stats: Record<string, string>;
  /**
   * True when a file that has a stat was read: its stat changed, or it was
   * racily clean. Otherwise every stat is the one known.
   */
  readFiles: boolean;
}

async function digestAll(keys: string[], known?: Known): Promise<Digested> {
  const digests: Record<string, string> = {};
  const stats: Record<string, string> = {};
  const unread: string[] = [];
  for (const key of keys) {
    const stat = statOf(key);
    if (stat) stats[key] = stat.recorded;
    const trusted = trustedDigest(key, stat, known);
    if (trusted) digests[key] = trusted;
    else unread.push(key);
  }
  for (let start = 0; start < unread.length; start += PARALLEL_READS) {
    const batch = unread.slice(start, start + PARALLEL_READS);
    const values = await Promise.all(batch.map(digestOf));
    batch.forEach((key, i) => {
      digests[key] = values[i] as string;
    });
  }
  return { digests, stats, readFiles: unread.some((key) => key in stats) };
}

const isDependency = (path: string) => path.includes(`${sep}node_modules${sep}`);

function resolutionFiles(workingDir: string): string[] {
  const files: string[] = [];
  for (let dir = resolve(workingDir); ; dir = dirname(dir)) {
    files.push(...RESOLUTION_FILES.map((name) => join(dir, name)));
    if (dirname(dir) === dir) return files;
  }
}

/** What the record must match: everything above but the outputs' contents. */
function optionsKey(options: esbuild.BuildOptions): string {
  return digest(JSON.stringify({ esbuild: esbuild.version, options }));
}

/** The source inputs of a reusable earlier build of these options; undefined when it must be built. */
export async function reusableSources(
  file: string,
  options: esbuild.BuildOptions,
): Promise<string[] | undefined> {
  let record: BuildRecord;
  try {
    record = JSON.parse(await readFile(file, 'utf8')) as BuildRecord;
  } catch {
    return undefined;
  }
  if (record.options !== optionsKey(options)) return undefined;
  const checkedAt = Date.now();
  const {
    digests: current,
    stats,
    readFiles,
  } = await digestAll(Object.keys(record.files), {
    digests: record.files,
    stats: record.stats ?? {},
    trustedBefore: (record.recordedAt ?? 0) - RACY_MARGIN_MS,
  });
  const unchanged = Object.entries(record.files).every(
    ([key, value]) => value !== UNUSABLE && current[key] === value,
  );
  if (!unchanged) return undefined;
  // Files read again (touched, or recorded too soon) are trusted by their new
  // stat next time: unless the record says when they were read, a file
  // recorded just after it was written would be read at every start.
  if (readFiles) {
    // Best effort: where the record cannot be rewritten (read-only), the build
    // is still current; its files are only read again next time.
    await writeFile(file, JSON.stringify({ ...record, stats, recordedAt: checkedAt })).catch(
      () => undefined,
    );
  }
  return record.sources;
}

/** Records a build that wrote its outputs; returns its source inputs. */
export async function recordBuild(
  file: string,
  options: esbuild.BuildOptions,
  metafile: esbuild.Metafile,
): Promise<string[]> {
  const workingDir = options.absWorkingDir ?? process.cwd();
  const inputs = Object.keys(metafile.inputs).map((input) => resolve(workingDir, input));
  const sources = inputs.filter((input) => !isDependency(input));
  const listings = [...new Set(sources.map((source) => dirname(source) + sep))];
  const outputs = Object.keys(metafile.outputs).map((output) => resolve(workingDir, output));
  const recordedAt = Date.now();
  const built = await digestAll([...inputs, ...listings, ...outputs]);
  for (const key of Object.keys(built.digests)) {
    if (built.digests[key] === ABSENT) built.digests[key] = UNUSABLE;
  }
  // A resolution file that does not exist must still not exist next time.
  const resolution = await digestAll(resolutionFiles(workingDir));
  const record: BuildRecord = {
    options: optionsKey(options),
    files: { ...resolution.digests, ...built.digests },
    sources,
    stats: { ...resolution.stats, ...built.stats },
    recordedAt,
  };
  await mkdir(dirname(file), { recursive: true });
  await writeFile(file, JSON.stringify(record));
  return sources;
}

/**
 * A digest of what a recorded build was built from and wrote (not of when it
 * was checked): another digest means another build. Undefined when there is no record.
 */
export function recordedBuildDigest(outDir: string, logicalId: string): string | undefined {
  try {
    const record = JSON.parse(readFileSync(recordFile(outDir, logicalId), 'utf8')) as BuildRecord;
    return digest(JSON.stringify(record.files));
  } catch {
    return undefined;
  }
}

/** Forgets a build, e.g. before a rebuild whose outputs may be left half written. */
export async function forgetBuild(file: string): Promise<void> {
  await rm(file, { force: true });
}
