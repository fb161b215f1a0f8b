import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import * as esbuild from 'esbuild';
import {
  functionBuildOptions,
  linkLayers,
  loadLayerBuild,
  prepareLayerBuild,
} from '../../sandbox/runtime/build';
import type { FunctionSpec, SandboxModel } from '../../sandbox/template/model';
import { outputGraph, reachedBytes, type OutputGraph } from './reached-bytes';

// Every function and layer built as `npm run build` and `sam build` build
// them, plus the minimal handler bundled with the layer's own esbuild
// options, each with the bytes of JavaScript its cold start reaches.

export interface BuiltModule {
  file: string;
  reachedBytes: number;
}

export interface ColdStartBuild {
  functions: (BuiltModule & { spec: FunctionSpec })[];
  baseline: BuiltModule;
  layers: { javaScriptBytes: number; sourceMapBytes: number };
}

const minimalHandler = resolve(import.meta.dirname, 'minimal-handler.ts');

async function buildWithMetafile(options: esbuild.BuildOptions): Promise<esbuild.Metafile> {
  const { metafile } = await esbuild.build({ ...options, metafile: true });
  if (!metafile) throw new Error('esbuild returned no metafile');
  return metafile;
}

function entryOutputOf(metafile: esbuild.Metafile, workingDir: string): string {
  const entry = Object.entries(metafile.outputs).find(([, output]) => output.entryPoint);
  if (!entry) throw new Error('esbuild wrote no entry point');
  return resolve(workingDir, entry[0]);
}

/** `@scope/name/sub` → the file that the layer package's `exports` map names for `./sub`. */
function layerExportsResolver(packageDirs: string[]): (specifier: string) => string | undefined {
  const targets = new Map<string, string>();
  for (const packageDir of packageDirs) {
    const manifest = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')) as {
      name: string;
      exports: Record<string, string>;
    };
    for (const [subpath, target] of Object.entries(manifest.exports)) {
      targets.set(`${manifest.name}${subpath.slice(1)}`, resolve(packageDir, target));
    }
  }
  return (specifier) => targets.get(specifier);
}

function sizesOf(metafile: esbuild.Metafile): ColdStartBuild['layers'] {
  const sizes = { javaScriptBytes: 0, sourceMapBytes: 0 };
  for (const [file, output] of Object.entries(metafile.outputs)) {
    if (file.endsWith('.map')) sizes.sourceMapBytes += output.bytes;
    else sizes.javaScriptBytes += output.bytes;
  }
  return sizes;
}

export async function buildForColdStart(
  model: SandboxModel,
  outDir: string,
): Promise<ColdStartBuild> {
  const graph: OutputGraph = new Map();
  const layers = { javaScriptBytes: 0, sourceMapBytes: 0 };
  const packageDirs: string[] = [];
  for (const layer of model.layers) {
    const options = await prepareLayerBuild(layer, outDir);
    const metafile = await buildWithMetafile(options);
    for (const [file, output] of outputGraph(metafile, options.absWorkingDir ?? '.')) {
      graph.set(file, output);
    }
    const sizes = sizesOf(metafile);
    layers.javaScriptBytes += sizes.javaScriptBytes;
    layers.sourceMapBytes += sizes.sourceMapBytes;
    // The layer's package directory (nodejs/node_modules/<package>) is the bundle's outdir.
    if (options.outdir !== undefined) packageDirs.push(options.outdir);
  }
  const resolveExternal = layerExportsResolver(packageDirs);

  const functions: ColdStartBuild['functions'] = [];
  for (const spec of model.functions) {
    const options = functionBuildOptions(spec, outDir);
    const metafile = await buildWithMetafile(options);
    await linkLayers(spec, outDir);
    const functionGraph = outputGraph(metafile, spec.codeUri);
    const file = entryOutputOf(metafile, spec.codeUri);
    const reached = reachedBytes([file], new Map([...graph, ...functionGraph]), resolveExternal);
    functions.push({ spec, file, reachedBytes: reached });
  }
  return { functions, baseline: await buildBaseline(model, outDir), layers };
}

/** The minimal handler, bundled with the first layer's esbuild options (minification, targets, main fields). */
async function buildBaseline(model: SandboxModel, outDir: string): Promise<BuiltModule> {
  const [layer] = model.layers;
  if (!layer)
    throw new Error('The template has no layer whose build options the baseline could share');
  const layerOptions = await (
    await loadLayerBuild(layer)
  ).layerBuildOptions(join(outDir, 'unused'), layer.contentUri);
  const workingDir = resolve(import.meta.dirname, '../..');
  const metafile = await buildWithMetafile({
    ...layerOptions,
    entryPoints: [minimalHandler],
    outdir: join(outDir, 'MinimalHandler'),
    absWorkingDir: workingDir,
    splitting: false,
    logLevel: 'silent',
  });
  const file = entryOutputOf(metafile, workingDir);
  return {
    file,
    reachedBytes: reachedBytes([file], outputGraph(metafile, workingDir), () => undefined),
  };
}
