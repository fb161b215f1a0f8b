import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseTemplate } from '../sandbox/template/parse';
import type { FunctionSpec, SandboxModel } from '../sandbox/template/model';
import { buildForColdStart } from './lib/cold-start-build';
import {
  baselineEnvironment,
  functionEnvironment,
  readSampleEnvironment,
  withSourceMaps,
} from './lib/cold-start-environment';
import { interleavedMedians, type ImportSubject } from './lib/fresh-import';
import { recordResults } from './lib/results';
import { ms } from './lib/stats';

// Each function's cold-start import (its bundle and the layer entries it
// imports, as built for Lambda) against a minimal handler that only creates
// the DynamoDB document client, bundled with the same esbuild options: the
// floor every function pays. Targets for API and WebSocket functions: at
// most 2× the floor's import time and at most 1 MB of JavaScript reached.
const ROUNDS = Number(process.env.COLD_START_ROUNDS ?? 15);
const MAX_RATIO = 2;
const MAX_REACHED_BYTES = 1_000_000;
const BASELINE = 'MinimalHandler';

type Kind = 'API' | 'WebSocket' | 'event';

function kindOf(fn: FunctionSpec, model: SandboxModel): Kind {
  if (fn.apiEvents.length > 0) return 'API';
  const webSocketRoutes = model.resources.filter((resource) =>
    ['AWS::ApiGatewayV2::Integration', 'AWS::ApiGatewayV2::Authorizer'].includes(resource.type),
  );
  const named = (resource: { properties: unknown }) =>
    new RegExp(`\\b${fn.logicalId}\\b`).test(JSON.stringify(resource.properties));
  return webSocketRoutes.some(named) ? 'WebSocket' : 'event';
}

const megabytes = (bytes: number) => `${(bytes / 1e6).toFixed(2)} MB`;
const times = (ratio: number) => `${ratio.toFixed(2)}×`;

export async function benchColdStart(): Promise<void> {
  const root = process.cwd();
  const model = parseTemplate(resolve(root, 'template.yaml'));
  const samples = readSampleEnvironment(resolve(root, 'events/env.json'));
  const outDir = mkdtempSync(join(tmpdir(), 'cold-start-bench-'));
  try {
    const built = await buildForColdStart(model, outDir);
    const templateMaps = (baselineEnvironment(model, built.baseline.file).NODE_OPTIONS ?? '')
      .split(/\s+/)
      .includes('--enable-source-maps');
    const modules = [
      {
        name: BASELINE,
        kind: 'floor',
        ...built.baseline,
        env: baselineEnvironment(model, built.baseline.file),
      },
      ...built.functions.map((fn) => ({
        name: fn.spec.logicalId,
        kind: kindOf(fn.spec, model),
        ...fn,
        env: functionEnvironment(fn.spec, model, fn.file, samples),
      })),
    ];
    const subjects: ImportSubject[] = modules.flatMap(({ name, file, env }) => [
      { name: `${name} maps`, file, env: withSourceMaps(env, true) },
      { name: `${name} plain`, file, env: withSourceMaps(env, false) },
    ]);
    const medians = interleavedMedians(subjects, ROUNDS);
    const median = (name: string, maps: boolean) =>
      medians.get(`${name} ${maps ? 'maps' : 'plain'}`) ?? Number.NaN;
    const ratio = (name: string, maps: boolean) => median(name, maps) / median(BASELINE, maps);

    const rows = modules.map(
      ({ name, kind, reachedBytes }) =>
        `| ${name} | ${kind} | ${megabytes(reachedBytes)} | ${ms(median(name, false))} | ${times(ratio(name, false))} | ${ms(median(name, true))} | ${times(ratio(name, true))} |`,
    );
    const table = [
      '| Module | kind | JavaScript reached | import | × floor | import with `--enable-source-maps` | × floor |',
      '| --- | --- | --- | --- | --- | --- | --- |',
      ...rows,
    ].join('\n');
    const targeted = modules.filter(({ kind }) => kind === 'API' || kind === 'WebSocket');
    const verdict = (met: boolean) => (met ? 'met' : 'NOT met');
    const worstRatio = Math.max(...targeted.map(({ name }) => ratio(name, templateMaps)));
    const mostBytes = Math.max(...targeted.map(({ reachedBytes }) => reachedBytes));
    const summary = [
      `- Layer: ${megabytes(built.layers.javaScriptBytes)} of JavaScript, ${megabytes(built.layers.sourceMapBytes)} of source maps.`,
      `- The template's NODE_OPTIONS ${templateMaps ? 'enable' : 'do not enable'} source maps at start-up; the targets are read in that column.`,
      `- API and WebSocket functions, import ≤ ${MAX_RATIO}× the floor: worst ${times(worstRatio)}, ${verdict(worstRatio <= MAX_RATIO)}`,
      `- API and WebSocket functions, ≤ 1 MB of JavaScript reached: most ${megabytes(mostBytes)}, ${verdict(mostBytes <= MAX_REACHED_BYTES)}`,
    ].join('\n');
    console.log(`\n${table}\n\n${summary}\n`);
    await recordResults(
      'Cold start: function imports against the minimal handler',
      `Command: \`npm run bench -- cold-start\` (${new Date().toISOString().slice(0, 10)}, Node ${process.version}). Median of ${ROUNDS} fresh Node processes per row and column, interleaved round by round; "× floor" is the ratio to the minimal handler (one DynamoDB document client, bundled with the layer's esbuild options) in the same column of the same run. JavaScript reached: the function's bundle and every layer file its static imports reach (esbuild metafiles; dynamic imports not counted).\n\n${table}\n\n${summary}`,
    );
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}
