// V8's compiled code for the modules a start loads, kept in the state
// directory (Node's module compile cache): a warm start does not compile the
// sandbox's and its packages' JavaScript again. cognito-local's child process
// gets the same directory, and so do the functions' worker threads (Node
// keeps the cache per thread, and a worker's variables are its function's). It changes nothing that runs; a Node without the
// cache starts as before.
import * as nodeModule from 'node:module';
import { join, sep } from 'node:path';

interface CompileCache {
  enableCompileCache?: (directory: string) => { status: number };
  getCompileCacheDir?: () => string | undefined;
  constants?: { compileCacheStatus?: { ENABLED: number; ALREADY_ENABLED: number } };
}

const compileCache = nodeModule as CompileCache;

/** The directory given to Node (it keeps each Node version's cache in a folder of its own there). */
let keptIn: string | undefined;

/** From here on, modules this process loads are compiled once per change and kept under `stateDir`. */
export function keepCompiledModules(stateDir: string): void {
  const directory = join(stateDir, 'node-compile-cache');
  const statuses = compileCache.constants?.compileCacheStatus;
  if (!statuses || !compileCache.enableCompileCache) return;
  const { status } = compileCache.enableCompileCache(directory);
  // Already on in this directory: start.mjs turned it on before it loaded the bundle.
  const onHere =
    status === statuses.ALREADY_ENABLED &&
    (compileCache.getCompileCacheDir?.() ?? '').startsWith(directory + sep);
  // Already on elsewhere (NODE_COMPILE_CACHE given): children inherit that variable as it is.
  if (status === statuses.ENABLED || onHere) keptIn = directory;
}

/** The variable that gives a child Node process the same cache; nothing when it is off. */
export function compileCacheEnvironment(): { NODE_COMPILE_CACHE?: string } {
  return keptIn ? { NODE_COMPILE_CACHE: keptIn } : {};
}

/** The directory of this process's cache, for a worker thread to use too; undefined when it is off. */
export function compileCacheDirectory(): string | undefined {
  if (keptIn) return keptIn;
  // Turned on by NODE_COMPILE_CACHE: Node reports its own folder inside, the variable names the directory.
  return compileCache.getCompileCacheDir?.() ? process.env.NODE_COMPILE_CACHE : undefined;
}

/** In a worker thread: modules it loads from here on use the process's cache directory. */
export function keepCompiledModulesIn(directory: string): void {
  compileCache.enableCompileCache?.(directory);
}
