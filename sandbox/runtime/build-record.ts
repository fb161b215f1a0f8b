// A bundle is reused at start when nothing it was built from changed, as build
// tools do it: a record beside the builds keeps a digest of the esbuild options
// and version, of every input esbuild read (its metafile), of the file names in
// each source directory of those inputs (a new file can change what an import
// resolves to), of the manifests, lockfiles and tsconfig files from the
// working directory up (which decide what a package import resolves to), and
// of every output. Any difference, or anything missing, means a build.
import { createHash } from 'node:crypto';
import { readFile as readFileWithCallback } from 'node:fs';
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
}

const RESOLUTION_FILES = ['package.json', 'package-lock.json', 'tsconfig.json'];
const ABSENT = 'absent';
// Recorded for an input or output that was gone when its build was recorded: never matches.
const UNUSABLE = 'unusable';
// Enough to keep a few thousand dependency files from exhausting file handles.
const PARALLEL_READS = 64;

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

async function digestAll(keys: string[]): Promise<Record<string, string>> {
  const digests: Record<string, string> = {};
  for (let start = 0; start < keys.length; start += PARALLEL_READS) {
    const batch = keys.slice(start, start + PARALLEL_READS);
    const values = await Promise.all(batch.map(digestOf));
    batch.forEach((key, i) => (digests[key] = values[i] as string));
  }
  return digests;
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
  const current = await digestAll(Object.keys(record.files));
  const unchanged = Object.entries(record.files).every(
    ([key, value]) => value !== UNUSABLE && current[key] === value,
  );
  return unchanged ? record.sources : undefined;
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
  const built = await digestAll([...inputs, ...listings, ...outputs]);
  for (const key of Object.keys(built)) if (built[key] === ABSENT) built[key] = UNUSABLE;
  // A resolution file that does not exist must still not exist next time.
  const files = { ...(await digestAll(resolutionFiles(workingDir))), ...built };
  await mkdir(dirname(file), { recursive: true });
  await writeFile(file, JSON.stringify({ options: optionsKey(options), files, sources }));
  return sources;
}

/** Forgets a build, e.g. before a rebuild whose outputs may be left half written. */
export async function forgetBuild(file: string): Promise<void> {
  await rm(file, { force: true });
}
