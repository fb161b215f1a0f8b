// The one build of a domain-style layer, shared by SAM (Makefile target
// build-DomainLayer, run in a scratch copy with plain node), `npm run build`
// and the sandbox: src/index.ts and all its dependencies bundled into
// <artifactsDir>/nodejs/node_modules/<package name>/index.mjs, which is where
// Lambda resolves `import ... from '<package name>'` (/opt/nodejs/node_modules).
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';

const thisLayerDir = dirname(fileURLToPath(import.meta.url));

// The X-Ray SDK (Powertools tracer) calls require() inside an ESM bundle.
const requireBanner =
  "import { createRequire as __layerCreateRequire } from 'node:module'; const require = __layerCreateRequire(import.meta.url);";

async function readManifest(layerDir) {
  return JSON.parse(await readFile(join(layerDir, 'package.json'), 'utf8'));
}

async function readPackageName(layerDir) {
  return (await readManifest(layerDir)).name;
}

/**
 * The package's entry points, from its `exports` map (`.` → index,
 * `./search` → search): one bundle each, sharing chunks, so a function that
 * imports '<package>/search' evaluates only the code search needs.
 */
async function entryPointsOf(layerDir) {
  const { exports = { '.': './src/index.ts' } } = await readManifest(layerDir);
  return Object.entries(exports).map(([subpath, source]) => ({
    out: subpath === '.' ? 'index' : subpath.slice(2),
    in: join(layerDir, source),
  }));
}

/** Where the bundle of the layer's package lands inside the artifacts dir. */
export async function layerPackageDir(artifactsDir, layerDir = thisLayerDir) {
  return join(resolve(artifactsDir), 'nodejs', 'node_modules', await readPackageName(layerDir));
}

/** esbuild options of the layer bundle, so that watchers build exactly what SAM builds. */
export async function layerBuildOptions(artifactsDir, layerDir = thisLayerDir) {
  const packageDir = await layerPackageDir(artifactsDir, layerDir);
  return {
    entryPoints: await entryPointsOf(layerDir),
    outdir: packageDir,
    outExtension: { '.js': '.mjs' },
    splitting: true,
    chunkNames: 'chunks/[name]-[hash]',
    absWorkingDir: layerDir,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'es2023',
    // The ES module builds of the SDK and Smithy packages (`module`), not
    // their CommonJS `main`: only ES modules can be tree-shaken, which halves
    // what a function's cold start parses.
    mainFields: ['module', 'main'],
    sourcemap: true,
    // Less to read and parse at every cold start; logged errors are mapped
    // back to the original files and lines (src/source-mapped-stack.ts).
    // Names are not kept: keeping them costs a call per function and class at
    // load (about 10% of a function's import). Our errors and the SDK's name
    // themselves; a library error named after its minified class (jose's)
    // logs a short name, with its message and mapped stack intact.
    minify: true,
    banner: { js: requireBanner },
    logLevel: 'silent',
  };
}

/** package.json that makes the bundle importable by its package name. */
export async function writeLayerManifest(artifactsDir, layerDir = thisLayerDir) {
  const packageDir = await layerPackageDir(artifactsDir, layerDir);
  const manifest = {
    name: await readPackageName(layerDir),
    type: 'module',
    main: './index.mjs',
    exports: Object.fromEntries(
      (await entryPointsOf(layerDir)).map(({ out }) => [
        out === 'index' ? '.' : `./${out}`,
        `./${out}.mjs`,
      ]),
    ),
  };
  await mkdir(packageDir, { recursive: true });
  await writeFile(join(packageDir, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
}

export async function buildLayer(artifactsDir, layerDir = thisLayerDir) {
  await esbuild.build(await layerBuildOptions(artifactsDir, layerDir));
  await writeLayerManifest(artifactsDir, layerDir);
}

const invokedDirectly =
  process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolve(process.argv[1])).href;

if (invokedDirectly) {
  const artifactsDir = process.argv[2];
  if (!artifactsDir) {
    console.error('usage: node build.mjs <artifacts dir>');
    process.exit(2);
  }
  try {
    await buildLayer(artifactsDir);
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
}
