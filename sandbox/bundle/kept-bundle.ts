// The sandbox bundled, once, and kept until anything it was built from changes
// (the same record as the function builds, runtime/build-record.ts).
// `npm start` runs the bundle on plain Node: tsx transformed and resolved the
// sandbox's TypeScript module by module at every start, the biggest part of
// the main thread's work while DynamoDB Local's JVM boots. The packages it
// imports are bundled too: Node resolved, read and wrapped their thousands of
// files one by one at every start. The bundle lives inside the project, where
// the packages it leaves external (and those a require at run time names) are found.
import { readdir, readFile, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type * as esbuild from 'esbuild';
import { buildUnlessCurrent } from '../runtime/build';

const BUNDLE_DIR = join('node_modules', '.cache', 'mobile-backend-sandbox');
const RECORD_ID = 'SandboxMain';
const CHUNK_DIR = 'chunks';
/**
 * A chunk no build has written for this long belongs to no bundle a start may
 * still be loading (a start imports all its chunks within seconds).
 */
export const STALE_CHUNK_MS = 60 * 60 * 1000;

/**
 * Output name → entry: the sandbox, and the check of its kept bundle
 * (current-bundle.ts), built together so that one record covers both.
 */
export const SANDBOX_ENTRIES: Readonly<Record<string, string>> = {
  main: 'sandbox/main.ts',
  'current-bundle': 'sandbox/bundle/current-bundle.ts',
};

/**
 * Each module keeps its own `import.meta.url`: the sandbox finds files beside
 * its modules (the worker entry's source, the API reference page), which in
 * one bundle would all sit beside the bundle.
 */
export const ownImportMetaUrl: esbuild.Plugin = {
  name: 'own-import-meta-url',
  setup(build) {
    build.onLoad({ filter: /\.[cm]?ts$/ }, async ({ path }) => {
      const source = await readFile(path, 'utf8');
      if (!source.includes('import.meta.url')) return undefined;
      const url = JSON.stringify(pathToFileURL(path).href);
      return { contents: source.replaceAll('import.meta.url', url), loader: 'ts' };
    });
  },
};

// Bundled CommonJS packages require Node's built-in modules at run time; an
// ES module has no require of its own. (Spelled apart: the plugin above would
// rewrite the chunk's own import.meta.url into this file's.)
const requireOfEachChunk = `import { createRequire as sandboxCreateRequire } from 'node:module'; const require = sandboxCreateRequire(${['import', 'meta', 'url'].join('.')});`;

export function sandboxBundleOptions(
  projectDir: string,
  entries: Readonly<Record<string, string>>,
): esbuild.BuildOptions {
  return {
    absWorkingDir: projectDir,
    entryPoints: Object.entries(entries).map(([out, entry]) => ({
      out,
      in: join(projectDir, entry),
    })),
    outdir: join(projectDir, BUNDLE_DIR),
    outExtension: { '.js': '.mjs' },
    bundle: true,
    // Each dynamic import its own chunk: main.mjs then loads only what it
    // needs to spawn DynamoDB Local's JVM, and the rest loads while it boots.
    splitting: true,
    chunkNames: `${CHUNK_DIR}/[name]-[hash]`,
    platform: 'node',
    // The packages' ES module builds where they have one (the SDK's dist-es):
    // hoisted into the chunks, which Node's compile cache keeps compiled,
    // where a CommonJS module runs as a function compiled when first required.
    // The main thread's CPU by the ready line went from 1.51–1.56 to 1.34–1.37 s.
    mainFields: ['module', 'main'],
    format: 'esm',
    target: 'node20',
    // esbuild's JavaScript API runs its native binary, found beside the package.
    external: ['esbuild'],
    banner: { js: requireOfEachChunk },
    sourcemap: 'linked',
    logLevel: 'error',
    plugins: [ownImportMetaUrl],
    // Written whole by the build (runtime/build.ts): starts in other state
    // directories share this bundle and may load it while it is rebuilt. This
    // file, which says how the bundle is made, is one of its inputs (through
    // current-bundle.ts), so a change here builds it again.
    write: false,
  };
}

/** Where the kept bundle's record and its `main` output are. */
export function keptBundlePaths(projectDir: string): { recordDir: string; main: string } {
  return {
    recordDir: join(projectDir, BUNDLE_DIR),
    main: join(projectDir, BUNDLE_DIR, 'main.mjs'),
  };
}

export const keptBundleRecordId = RECORD_ID;

/** The sandbox's bundle, built now when the kept one is not current; the path of its `main`. */
export async function keptSandboxBundle(
  projectDir: string,
  entries: Readonly<Record<string, string>> = SANDBOX_ENTRIES,
): Promise<string> {
  const { recordDir, main } = keptBundlePaths(projectDir);
  const built = await buildUnlessCurrent(
    RECORD_ID,
    sandboxBundleOptions(projectDir, entries),
    recordDir,
  );
  if (!built.reused) await removeStaleChunks(join(recordDir, CHUNK_DIR), Date.now());
  return main;
}

/**
 * Each build writes all its chunks again (hashed names: a changed chunk is a
 * new file), so the chunks of earlier bundles are the ones left unwritten;
 * they go once no start can still need them.
 */
async function removeStaleChunks(chunkDir: string, now: number): Promise<void> {
  const names = await readdir(chunkDir).catch(() => []);
  for (const name of names) {
    const path = join(chunkDir, name);
    // Another start that built the bundle may have removed it already.
    const written = await stat(path).catch(() => undefined);
    if (written && now - written.mtimeMs > STALE_CHUNK_MS) await rm(path, { force: true });
  }
}
