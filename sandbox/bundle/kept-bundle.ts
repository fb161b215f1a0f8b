// The sandbox bundled to one JavaScript file, once, and kept until anything it
// was built from changes (the same record as the function builds,
// runtime/build-record.ts). `npm start` runs the bundle on plain Node: tsx
// transformed and resolved the sandbox's TypeScript module by module at every
// start, the biggest part of the main thread's work while DynamoDB Local's JVM
// boots. Packages stay external, so the bundle lives inside the project, where
// Node finds them.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type * as esbuild from 'esbuild';
import { buildUnlessCurrent } from '../runtime/build';

const BUNDLE_DIR = join('node_modules', '.cache', 'mobile-backend-sandbox');

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

/**
 * This file's own source, digested into the bundle's banner: the plugin above
 * is part of how the bundle is made, yet neither an esbuild input nor in the
 * options' JSON (a function), so a change to it must reach the record this way.
 */
function makerDigest(maker: string): string {
  return createHash('sha256').update(readFileSync(maker)).digest('base64url').slice(0, 16);
}

const THIS_FILE = fileURLToPath(import.meta.url);

export function sandboxBundleOptions(
  projectDir: string,
  entry: string,
  maker = THIS_FILE,
): esbuild.BuildOptions {
  return {
    banner: { js: `// sandbox bundle, made by kept-bundle.ts ${makerDigest(maker)}` },
    absWorkingDir: projectDir,
    entryPoints: [join(projectDir, entry)],
    outfile: join(projectDir, BUNDLE_DIR, 'main.mjs'),
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    sourcemap: 'linked',
    logLevel: 'error',
    plugins: [ownImportMetaUrl],
    // Written whole by the build (runtime/build.ts): starts in other state
    // directories share this bundle and may load it while it is rebuilt.
    write: false,
  };
}

/** The sandbox's bundle, built now when the kept one is not current; its path. */
export async function keptSandboxBundle(
  projectDir: string,
  entry = 'sandbox/main.ts',
  /** The file that says how the bundle is made: this one, or a stand-in in tests. */
  maker = THIS_FILE,
): Promise<string> {
  const options = sandboxBundleOptions(projectDir, entry, maker);
  await buildUnlessCurrent('SandboxMain', options, join(projectDir, BUNDLE_DIR));
  return options.outfile as string;
}
