// Builds functions the way `sam build` does (esbuild with the template's
// BuildProperties) and layers through their own build.mjs, into
//   <outDir>/<FunctionLogicalId>/<entry>.mjs
//   <outDir>/layers/<LayerLogicalId>/nodejs/node_modules/<package>/...
// A function's directory gets a node_modules of links into its layers, so its
// external imports resolve to the BUILT layer, as from /opt/nodejs/node_modules on Lambda.
import { mkdir, readdir, rm, symlink } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';
import type { FunctionSpec, LayerSpec } from '../template/model';
import { writeWhole } from '../write-whole';
import { recordBuild, recordFile, reusableSources } from './build-record';

export interface LayerBuildModule {
  layerBuildOptions(artifactsDir: string, layerDir: string): Promise<esbuild.BuildOptions>;
  writeLayerManifest(artifactsDir: string, layerDir: string): Promise<void>;
}

export function functionDir(outDir: string, logicalId: string): string {
  return join(outDir, logicalId);
}

export function layerDir(outDir: string, logicalId: string): string {
  return join(outDir, 'layers', logicalId);
}

function parseKeyValues(pairs: string[] | undefined): Record<string, string> | undefined {
  if (!pairs || pairs.length === 0) return undefined;
  const parsed: Record<string, string> = {};
  for (const pair of pairs) {
    const separator = pair.indexOf('=');
    if (separator <= 0) throw new Error(`Expected "key=value" in BuildProperties, got "${pair}"`);
    parsed[pair.slice(0, separator)] = pair.slice(separator + 1);
  }
  return parsed;
}

/** esbuild options equivalent to SAM's esbuild builder for this function. */
export function functionBuildOptions(fn: FunctionSpec, outDir: string): esbuild.BuildOptions {
  const properties = fn.buildProperties;
  const entryPoints = properties.EntryPoints ?? [
    `${fn.handler.slice(0, fn.handler.lastIndexOf('.'))}.ts`,
  ];
  const options: esbuild.BuildOptions = {
    absWorkingDir: fn.codeUri,
    entryPoints: entryPoints.map((entry) => join(fn.codeUri, entry)),
    outbase: fn.codeUri,
    outdir: functionDir(outDir, fn.logicalId),
    bundle: true,
    platform: (properties.Platform ?? 'node') as esbuild.Platform,
    format: properties.Format ?? 'cjs',
    target: properties.Target ?? 'es2020',
    external: properties.External ?? [],
    sourcemap: properties.Sourcemap ?? false,
    minify: properties.Minify ?? false,
    metafile: true,
    logLevel: 'silent',
  };
  const outExtension = parseKeyValues(properties.OutExtension);
  if (outExtension) options.outExtension = outExtension;
  const banner = parseKeyValues(properties.Banner);
  if (banner) options.banner = banner;
  return options;
}

export async function loadLayerBuild(layer: LayerSpec): Promise<LayerBuildModule> {
  const buildScript = join(layer.contentUri, 'build.mjs');
  const loaded = (await import(pathToFileURL(buildScript).href)) as Partial<LayerBuildModule>;
  if (
    typeof loaded.layerBuildOptions !== 'function' ||
    typeof loaded.writeLayerManifest !== 'function'
  ) {
    throw new Error(`${buildScript} must export layerBuildOptions() and writeLayerManifest()`);
  }
  return loaded as LayerBuildModule;
}

/** Writes the layer's package.json and returns the esbuild options of its bundle. */
export async function prepareLayerBuild(
  layer: LayerSpec,
  outDir: string,
): Promise<esbuild.BuildOptions> {
  const layerBuild = await loadLayerBuild(layer);
  const options = await layerBuild.layerBuildOptions(
    layerDir(outDir, layer.logicalId),
    layer.contentUri,
  );
  await layerBuild.writeLayerManifest(layerDir(outDir, layer.logicalId), layer.contentUri);
  return { ...options, metafile: true, logLevel: 'silent' };
}

/** What a build of one function or layer read from its own sources (not dependencies). */
export interface BuiltTarget {
  logicalId: string;
  sources: string[];
  /** True when the earlier build was still current and was kept. */
  reused: boolean;
}

/**
 * Each output written whole, and the entry points last: a process that loads
 * an output while another rebuilds it (two starts sharing one kept build)
 * never finds half of one, nor an entry whose chunks are not written yet.
 */
async function writeOutputsWhole(
  files: readonly esbuild.OutputFile[],
  metafile: esbuild.Metafile,
  workingDir: string,
): Promise<void> {
  const entries = new Set(
    Object.entries(metafile.outputs)
      .filter(([, output]) => output.entryPoint !== undefined)
      .map(([path]) => resolve(workingDir, path)),
  );
  const entriesLast = [...files].sort(
    (a, b) => Number(entries.has(a.path)) - Number(entries.has(b.path)),
  );
  for (const file of entriesLast) await writeWhole(file.path, file.contents);
}

/**
 * Builds with these options, unless the recorded earlier build of them is
 * still current. With `write: false` the outputs are written here, each whole.
 */
export async function buildUnlessCurrent(
  logicalId: string,
  options: esbuild.BuildOptions,
  outDir: string,
): Promise<BuiltTarget> {
  const record = recordFile(outDir, logicalId);
  const current = await reusableSources(record, options);
  if (current) return { logicalId, sources: current, reused: true };
  const { metafile, outputFiles } = await esbuild.build({ ...options, metafile: true });
  if (options.write === false) {
    await writeOutputsWhole(outputFiles ?? [], metafile, options.absWorkingDir ?? process.cwd());
  }
  return { logicalId, sources: await recordBuild(record, options, metafile), reused: false };
}

export async function buildLayer(layer: LayerSpec, outDir: string): Promise<BuiltTarget> {
  return buildUnlessCurrent(layer.logicalId, await prepareLayerBuild(layer, outDir), outDir);
}

async function packagesIn(nodeModulesDir: string): Promise<string[]> {
  const entries = await readdir(nodeModulesDir, { withFileTypes: true }).catch(() => []);
  const packages: string[] = [];
  for (const entry of entries) {
    if (entry.name.startsWith('@')) {
      const scoped = await readdir(join(nodeModulesDir, entry.name)).catch(() => []);
      packages.push(...scoped.map((name) => `${entry.name}/${name}`));
    } else if (!entry.name.startsWith('.')) {
      packages.push(entry.name);
    }
  }
  return packages;
}

/** Links every package of the function's layers into <functionDir>/node_modules. */
export async function linkLayers(fn: FunctionSpec, outDir: string): Promise<void> {
  const nodeModules = join(functionDir(outDir, fn.logicalId), 'node_modules');
  await rm(nodeModules, { recursive: true, force: true });
  await mkdir(nodeModules, { recursive: true });
  // Later layers win, as when Lambda extracts layers into /opt in order.
  const targets = new Map<string, string>();
  for (const layerId of fn.layers) {
    const layerModules = join(layerDir(outDir, layerId), 'nodejs', 'node_modules');
    for (const name of await packagesIn(layerModules)) targets.set(name, join(layerModules, name));
  }
  for (const [name, target] of targets) {
    const link = join(nodeModules, name);
    await mkdir(join(link, '..'), { recursive: true });
    await symlink(relative(join(link, '..'), target), link, 'dir');
  }
}

export async function buildFunction(fn: FunctionSpec, outDir: string): Promise<BuiltTarget> {
  const built = await buildUnlessCurrent(fn.logicalId, functionBuildOptions(fn, outDir), outDir);
  await linkLayers(fn, outDir);
  return built;
}

/**
 * Every layer and function at once: a function's bundle leaves its layers
 * external, so only its links into their output wait for them.
 */
export async function buildAll(
  model: { functions: FunctionSpec[]; layers: LayerSpec[] },
  outDir: string,
): Promise<BuiltTarget[]> {
  const layers = Promise.all(model.layers.map((layer) => buildLayer(layer, outDir)));
  const functions = Promise.all(
    model.functions.map(async (fn) => {
      const built = await buildUnlessCurrent(
        fn.logicalId,
        functionBuildOptions(fn, outDir),
        outDir,
      );
      await layers;
      await linkLayers(fn, outDir);
      return built;
    }),
  );
  const [builtLayers, builtFunctions] = await Promise.all([layers, functions]);
  return [...builtLayers, ...builtFunctions];
}

/** The built file of a `file.export` handler: Lambda looks for .mjs, .js, then .cjs. */
export function handlerModuleName(handler: string): { module: string; exportPath: string } {
  const lastSlash = handler.lastIndexOf('/');
  const firstDot = handler.indexOf('.', lastSlash + 1);
  if (firstDot < 0) throw new Error(`Handler "${handler}" is not of the form file.export`);
  return { module: handler.slice(0, firstDot), exportPath: handler.slice(firstDot + 1) };
}

export function isBuildFailure(error: unknown): error is esbuild.BuildFailure {
  return error instanceof Error && Array.isArray((error as Partial<esbuild.BuildFailure>).errors);
}

export async function describeBuildFailure(error: unknown): Promise<string> {
  if (!isBuildFailure(error) || error.errors.length === 0) {
    return error instanceof Error ? error.message : String(error);
  }
  const formatted = await esbuild.formatMessages(error.errors, { kind: 'error', color: false });
  return formatted.join('').trimEnd();
}
