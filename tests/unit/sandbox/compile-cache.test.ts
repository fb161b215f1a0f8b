import * as nodeModule from 'node:module';
import { execFileSync } from 'node:child_process';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

// In a Node process of its own, as `npm start` runs: the cache is the test's to turn on.
let stateDir: string;

beforeEach(async () => {
  stateDir = await mkdtemp(join(tmpdir(), 'compile-cache-'));
});

afterEach(async () => {
  await rm(stateDir, { recursive: true, force: true });
});

function runWithCache(turnedOnBefore = false): { NODE_COMPILE_CACHE?: string } {
  const script = `
    import { enableCompileCache } from 'node:module';
    import { compileCacheEnvironment, keepCompiledModules } from './sandbox/compile-cache.ts';
    if (${turnedOnBefore}) enableCompileCache(${JSON.stringify(join(stateDir, 'node-compile-cache'))});
    keepCompiledModules(${JSON.stringify(stateDir)});
    await import('yaml');
    console.log(JSON.stringify(compileCacheEnvironment()));`;
  const output = execFileSync(
    process.execPath,
    ['--import', 'tsx', '--input-type=module', '-e', script],
    {
      encoding: 'utf8',
      env: { ...process.env, NODE_COMPILE_CACHE: '' },
    },
  );
  return JSON.parse(output) as { NODE_COMPILE_CACHE?: string };
}

const fileUrl = (path: string) => pathToFileURL(join(process.cwd(), path)).href;

/** A worker thread of a process without the cache, turning it on for itself as a function's worker does. */
function runWorkerWithCache(directory: string): void {
  const worker = `
    import { keepCompiledModulesIn } from ${JSON.stringify(fileUrl('sandbox/compile-cache.ts'))};
    keepCompiledModulesIn(${JSON.stringify(directory)});
    await import(${JSON.stringify(fileUrl('node_modules/yaml/dist/index.js'))});`;
  const script = `
    import { Worker } from 'node:worker_threads';
    const url = new URL('data:text/javascript,' + encodeURIComponent(${JSON.stringify(worker)}));
    await new Promise((resolve, reject) => new Worker(url, { env: {} }).on('exit', resolve).on('error', reject));`;
  execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
    encoding: 'utf8',
    env: { ...process.env, NODE_COMPILE_CACHE: '' },
  });
}

// Node 22.1 and later; on an older Node the sandbox starts without the cache.
const withCompileCache = 'enableCompileCache' in nodeModule ? describe : describe.skip;

withCompileCache('the modules’ compile cache', () => {
  it('names the state directory’s cache for child processes', () => {
    expect(runWithCache()).toEqual({ NODE_COMPILE_CACHE: join(stateDir, 'node-compile-cache') });
  });

  it('names it too when the start turned it on there before loading the sandbox', () => {
    expect(runWithCache(true)).toEqual({
      NODE_COMPILE_CACHE: join(stateDir, 'node-compile-cache'),
    });
  });

  it('keeps the compiled modules there when the process ends', async () => {
    runWithCache();

    const kept = await readdir(join(stateDir, 'node-compile-cache'), { recursive: true });
    expect(kept.length).toBeGreaterThan(1);
  });

  it("keeps what a function's worker thread compiles in the directory it is given", async () => {
    const directory = join(stateDir, 'node-compile-cache');
    runWorkerWithCache(directory);

    const kept = await readdir(directory, { recursive: true });
    expect(kept.length).toBeGreaterThan(1);
  });
});
