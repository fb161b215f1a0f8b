import { cp, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { functionDir } from '../../../sandbox/runtime/build';
import { createFunctionHost, type FunctionHost } from '../../../sandbox/runtime/function-host';
import { watchBuilds, type BuildWatcher } from '../../../sandbox/runtime/watch';
import { fixturesDir, greetingLayer, probeFunction, temporaryDir } from './fixtures';

const layerBuildScript = pathToFileURL(
  join(fixturesDir, '..', '..', 'layers', 'domain', 'build.mjs'),
).href;

let workDir: string;
let outDir: string;
let watcher: BuildWatcher;
let host: FunctionHost;
let buildLog: string[];
let rebuilt: string[];

function waitFor(predicate: () => boolean, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  return new Promise((resolve, reject) => {
    const poll = (): void => {
      if (predicate()) resolve();
      else if (Date.now() > deadline) reject(new Error('Timed out waiting for the rebuild'));
      else setTimeout(poll, 20);
    };
    poll();
  });
}

async function edit(file: string, from: string, to: string): Promise<void> {
  const source = await readFile(file, 'utf8');
  await writeFile(file, source.replace(from, to));
}

async function invokeReport(): Promise<{ codeVersion: string; greeting: string }> {
  const result = await host.invoke({});
  return JSON.parse(result.payload) as { codeVersion: string; greeting: string };
}

beforeEach(async () => {
  // Sources are copied so that the tests can change them.
  workDir = await temporaryDir('rebuild-sources');
  outDir = await temporaryDir('rebuild-out');
  await cp(join(fixturesDir, 'functions', 'probe'), join(workDir, 'probe'), { recursive: true });
  await cp(join(fixturesDir, 'layers', 'greeting'), join(workDir, 'greeting'), { recursive: true });
  await writeFile(
    join(workDir, 'greeting', 'build.mjs'),
    `export * from ${JSON.stringify(layerBuildScript)};\n`,
  );
  const fn = probeFunction({ codeUri: join(workDir, 'probe') });
  buildLog = [];
  rebuilt = [];
  host = createFunctionHost({
    fn,
    codeDir: functionDir(outDir, fn.logicalId),
    environment: {},
    logFile: join(outDir, 'functions.log'),
    beforeInvoke: () => watcher.settled(),
  });
  watcher = await watchBuilds({
    functions: [fn],
    layers: [greetingLayer(join(workDir, 'greeting'))],
    outDir,
    log: (message) => buildLog.push(message),
    onRebuilt: (ids) => {
      host.retire();
      rebuilt.push(...ids);
    },
  });
}, 30_000);

afterEach(async () => {
  await host.close();
  await watcher.close();
  await rm(workDir, { recursive: true, force: true });
  await rm(outDir, { recursive: true, force: true });
});

describe('rebuild on source change', () => {
  it('serves changed function code on the next invocation', async () => {
    const before = await invokeReport();

    await edit(join(workDir, 'probe', 'handler.ts'), "codeVersion = 'v1'", "codeVersion = 'v2'");
    await waitFor(() => rebuilt.includes('ProbeFunction'));
    const after = await invokeReport();

    expect([before.codeVersion, after.codeVersion]).toEqual(['v1', 'v2']);
  });

  it('serves changed layer code to the functions that use the layer', async () => {
    const before = await invokeReport();

    await edit(join(workDir, 'greeting', 'src', 'index.ts'), "'v1'", "'v2'");
    await waitFor(() => rebuilt.includes('ProbeFunction'));
    const after = await invokeReport();

    expect([before.greeting, after.greeting]).toEqual([
      'hello probe from layer v1',
      'hello probe from layer v2',
    ]);
  });

  it('reports a failed build and keeps serving the previous build', async () => {
    await invokeReport();

    await edit(join(workDir, 'probe', 'handler.ts'), "codeVersion = 'v1'", 'codeVersion = (');
    await waitFor(() => buildLog.some((line) => line.includes('failed to build')));
    host.retire();
    const after = await invokeReport();

    expect(after.codeVersion).toBe('v1');
    expect(buildLog.join('\n')).toMatch(/ProbeFunction failed to build[\s\S]*handler\.ts/);
  });
});
