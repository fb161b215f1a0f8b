import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseTemplate } from '../sandbox/template/parse';
import { recordResults } from './lib/results';
import { ms, percentile } from './lib/stats';

// What a cold start spends loading the domain layer: each function imports
// only its app and the HTTP entry; the baseline is the whole layer
// (index.mjs), the one bundle every function loaded before the layer was
// split. Each sample is a fresh Node process, as each cold start is.
const RUNS = 9;

function importTime(files: string[]): number {
  const script = `const t = performance.now(); for (const f of ${JSON.stringify(files)}) await import(f); console.log(performance.now() - t);`;
  const output = execFileSync(process.execPath, ['--input-type=module', '-e', script], {
    env: { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
  });
  return Number(output.toString().trim());
}

function median(files: string[]): number {
  return percentile(
    Array.from({ length: RUNS }, () => importTime(files)),
    50,
  );
}

export async function benchLayerColdStart(): Promise<void> {
  const root = process.cwd();
  const artifacts = mkdtempSync(join(tmpdir(), 'layer-bench-'));
  try {
    const build = (await import(pathToFileURL(resolve(root, 'layers/domain/build.mjs')).href)) as {
      buildLayer(dir: string): Promise<void>;
      layerPackageDir(dir: string): Promise<string>;
    };
    await build.buildLayer(artifacts);
    const packageDir = await build.layerPackageDir(artifacts);
    const entryFile = (entry: string) => pathToFileURL(join(packageDir, `${entry}.mjs`)).href;
    const whole = median([entryFile('index')]);
    const rows = parseTemplate(resolve(root, 'template.yaml')).functions.map((fn) => {
      const source = readFileSync(join(fn.codeUri, 'handler.ts'), 'utf8');
      const entries = [
        ...source.matchAll(/from '@mobile-backend\/domain\/([a-z-]+(?:\/[a-z-]+)?)'/g),
      ].map((match) => match[1] ?? '');
      const time = median(entries.map(entryFile));
      return `| ${fn.logicalId} | ${entries.join(' + ')} | ${ms(time)} | ${((time / whole) * 100).toFixed(0)}% |`;
    });
    const table = [
      '| Function | layer entries | import time (median) | vs whole layer |',
      '| --- | --- | --- | --- |',
      `| (baseline) whole layer | index | ${ms(whole)} | 100% |`,
      ...rows,
    ].join('\n');
    console.log(`\n${table}\n`);
    await recordResults(
      'Domain layer load time on a cold start',
      `Command: \`npm run bench -- layer-cold-start\` (${new Date().toISOString().slice(0, 10)}, Node ${process.version}). Median of ${RUNS} fresh processes importing the built layer's entries.\n\n${table}`,
    );
  } finally {
    rmSync(artifacts, { recursive: true, force: true });
  }
}
