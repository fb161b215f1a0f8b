import * as nodeModule from 'node:module';
import { execFileSync } from 'node:child_process';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// In a Node process of its own, as `npm start` runs: the cache is the test's to turn on.
let stateDir: string;

beforeEach(async () => {
  stateDir = await mkdtemp(join(tmpdir(), 'compile-cache-'));
});

afterEach(async () => {
  await rm(stateDir, { recursive: true, force: true });
});

function runWithCache(): { NODE_COMPILE_CACHE?: string } {
  const script = `
    import { compileCacheEnvironment, keepCompiledModules } from './sandbox/compile-cache.ts';
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

// Node 22.1 and later; on an older Node the sandbox starts without the cache.
const withCompileCache = 'enableCompileCache' in nodeModule ? describe : describe.skip;

withCompileCache('the modules’ compile cache', () => {
  it('names the state directory’s cache for child processes', () => {
    expect(runWithCache()).toEqual({ NODE_COMPILE_CACHE: join(stateDir, 'node-compile-cache') });
  });

  it('keeps the compiled modules there when the process ends', async () => {
    runWithCache();

    const kept = await readdir(join(stateDir, 'node-compile-cache'), { recursive: true });
    expect(kept.length).toBeGreaterThan(1);
  });
});
