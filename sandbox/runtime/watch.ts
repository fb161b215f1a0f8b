// Rebuilds a function or layer when its sources change, so that the next
// invocation runs the new code without restarting the sandbox. A failed
// rebuild is reported and leaves the previous output in place, so the last
// good build keeps serving. Outputs are written here rather than by esbuild,
// whose incremental contexts delete the previous outputs when a build fails.
import { watch, type FSWatcher } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join, sep } from 'node:path';
import * as esbuild from 'esbuild';
import type { FunctionSpec, LayerSpec } from '../template/model';
import {
  describeBuildFailure,
  functionBuildOptions,
  linkLayers,
  prepareLayerBuild,
  type BuiltTarget,
} from './build';
import { forgetBuild, recordBuild, recordFile } from './build-record';

export interface BuildWatcherOptions {
  functions: FunctionSpec[];
  layers: LayerSpec[];
  outDir: string;
  /** Called with the functions whose code changed (directly or through a layer). */
  onRebuilt: (functionLogicalIds: string[]) => void;
  log?: (message: string) => void;
  debounceMs?: number;
  /** Targets already built (buildAll): watched from their sources, not built again. */
  built?: readonly BuiltTarget[];
}

export interface BuildWatcher {
  /** Resolves once no rebuild is scheduled or running. */
  settled(): Promise<void>;
  close(): Promise<void>;
}

interface BuildTarget {
  label: string;
  root: string;
  buildOptions: esbuild.BuildOptions;
  /** Created at the first build: a target already built costs nothing until it changes. */
  context?: esbuild.BuildContext;
  inputs: Set<string>;
  /** Runs after a successful build; returns the functions it affects. */
  afterBuild: () => Promise<string[]>;
  timer?: NodeJS.Timeout;
  running?: Promise<void>;
  dirty: boolean;
}

function isDependency(path: string): boolean {
  return path.includes(`${sep}node_modules${sep}`);
}

async function writeOutputs(result: esbuild.BuildResult): Promise<void> {
  for (const file of result.outputFiles ?? []) {
    await mkdir(dirname(file.path), { recursive: true });
    await writeFile(file.path, file.contents);
  }
}

function isUnder(path: string, root: string): boolean {
  return path.startsWith(root.endsWith(sep) ? root : root + sep);
}

export async function watchBuilds(options: BuildWatcherOptions): Promise<BuildWatcher> {
  const log = options.log ?? ((message: string) => console.error(message));
  const debounceMs = options.debounceMs ?? 40;
  const targets: BuildTarget[] = [];
  const watchers = new Map<string, FSWatcher>();
  let pending = 0;
  let idleWaiters: (() => void)[] = [];

  for (const layer of options.layers) {
    const buildOptions = await prepareLayerBuild(layer, options.outDir);
    const dependents = options.functions.filter((fn) => fn.layers.includes(layer.logicalId));
    targets.push({
      label: layer.logicalId,
      root: layer.contentUri,
      buildOptions,
      inputs: new Set(),
      dirty: false,
      afterBuild: async () => {
        await Promise.all(dependents.map((fn) => linkLayers(fn, options.outDir)));
        return dependents.map((fn) => fn.logicalId);
      },
    });
  }
  for (const fn of options.functions) {
    targets.push({
      label: fn.logicalId,
      root: fn.codeUri,
      buildOptions: functionBuildOptions(fn, options.outDir),
      inputs: new Set(),
      dirty: false,
      afterBuild: async () => [fn.logicalId],
    });
  }

  const watchInputs = (target: BuildTarget, sources: readonly string[]): void => {
    target.inputs = new Set(sources);
    for (const input of target.inputs) {
      const directory = dirname(input);
      const covered = [...watchers.keys()].some(
        (root) => root === directory || isUnder(directory, root),
      );
      if (!covered) watchDirectory(directory, false);
    }
  };

  const onChange = (path: string): void => {
    if (isDependency(path)) return;
    for (const target of targets) {
      if (target.inputs.has(path) || isUnder(path, target.root)) schedule(target);
    }
  };

  function watchDirectory(directory: string, recursive: boolean): void {
    if (watchers.has(directory)) return;
    const watcher = watch(directory, { recursive }, (_event, filename) => {
      if (filename) onChange(join(directory, filename.toString()));
    });
    watcher.on('error', (error) => log(`[build] watching ${directory} failed: ${error.message}`));
    watchers.set(directory, watcher);
  }

  const finishOne = (): void => {
    pending -= 1;
    if (pending > 0) return;
    const waiters = idleWaiters;
    idleWaiters = [];
    for (const resolve of waiters) resolve();
  };

  /** A build through the target's incremental context; its outputs written, recorded and watched. */
  async function build(target: BuildTarget): Promise<void> {
    const record = recordFile(options.outDir, target.label);
    await forgetBuild(record);
    target.context ??= await esbuild.context({
      ...target.buildOptions,
      metafile: true,
      write: false,
    });
    const result = await target.context.rebuild();
    await writeOutputs(result);
    const metafile = result.metafile ?? { inputs: {}, outputs: {} };
    watchInputs(target, await recordBuild(record, target.buildOptions, metafile));
  }

  async function rebuild(target: BuildTarget): Promise<void> {
    try {
      await build(target);
      const affected = await target.afterBuild();
      log(`[build] rebuilt ${target.label}`);
      options.onRebuilt(affected);
    } catch (error) {
      log(
        `[build] ${target.label} failed to build; still serving the previous build:\n${await describeBuildFailure(error)}`,
      );
    }
  }

  function schedule(target: BuildTarget): void {
    if (target.timer) {
      clearTimeout(target.timer);
    } else {
      pending += 1;
    }
    target.timer = setTimeout(() => {
      target.timer = undefined;
      if (target.running) {
        target.dirty = true;
        finishOne();
        return;
      }
      target.running = rebuild(target).finally(() => {
        target.running = undefined;
        if (target.dirty) {
          target.dirty = false;
          schedule(target);
        }
        finishOne();
      });
    }, debounceMs);
  }

  for (const root of new Set(targets.map((target) => target.root))) watchDirectory(root, true);
  const dispose = () => Promise.all(targets.map((target) => target.context?.dispose()));
  // Initial builds of what was not built already; then every function's links into its layers.
  try {
    const built = new Map(options.built?.map((target) => [target.logicalId, target.sources]));
    for (const target of targets) {
      const sources = built.get(target.label);
      if (sources) watchInputs(target, sources);
    }
    const unbuilt = targets.filter((target) => !built.has(target.label));
    await Promise.all(unbuilt.map(build));
    for (const target of unbuilt) await target.afterBuild();
  } catch (error) {
    await dispose();
    for (const watcher of watchers.values()) watcher.close();
    throw new Error(`Build failed:\n${await describeBuildFailure(error)}`, { cause: error });
  }

  return {
    settled: () =>
      pending === 0 ? Promise.resolve() : new Promise((resolve) => idleWaiters.push(resolve)),
    close: async () => {
      for (const watcher of watchers.values()) watcher.close();
      for (const target of targets) clearTimeout(target.timer);
      pending = 1;
      finishOne();
      await Promise.all(targets.map((target) => target.running));
      await dispose();
    },
  };
}
