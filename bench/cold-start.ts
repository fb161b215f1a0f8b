import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseTemplate } from '../sandbox/template/parse';
import type { FunctionSpec, SandboxModel } from '../sandbox/template/model';
import { buildForColdStart, type ColdStartBuild } from './lib/cold-start-build';
import {
  baselineEnvironment,
  functionEnvironment,
  readSampleEnvironment,
  withSourceMaps,
} from './lib/cold-start-environment';
import { pairedTimings, type ImportSubject, type PairedTiming } from './lib/fresh-import';
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

type Kind = 'floor' | 'API' | 'WebSocket' | 'event';

interface Measured {
  name: string;
  kind: Kind;
  file: string;
  reachedBytes: number;
  env: Record<string, string>;
}

function kindOf(fn: FunctionSpec, model: SandboxModel): Kind {
  if (fn.apiEvents.length > 0) return 'API';
  const webSocketRoutes = model.resources.filter((resource) =>
    ['AWS::ApiGatewayV2::Integration', 'AWS::ApiGatewayV2::Authorizer'].includes(resource.type),
  );
  const named = (resource: { properties: unknown }) =>
    new RegExp(`\\b${fn.logicalId}\\b`).test(JSON.stringify(resource.properties));
  return webSocketRoutes.some(named) ? 'WebSocket' : 'event';
}

function measuredModules(built: ColdStartBuild, model: SandboxModel, root: string): Measured[] {
  const samples = readSampleEnvironment(resolve(root, 'events/env.json'));
  const floor: Measured = {
    name: 'MinimalHandler',
    kind: 'floor',
    ...built.baseline,
    env: baselineEnvironment(model, built.baseline.file),
  };
  return [
    floor,
    ...built.functions.map((fn) => ({
      name: fn.spec.logicalId,
      kind: kindOf(fn.spec, model),
      file: fn.file,
      reachedBytes: fn.reachedBytes,
      env: functionEnvironment(fn.spec, model, fn.file, samples),
    })),
  ];
}

const variantName = (name: string, maps: boolean) => `${name} ${maps ? 'maps' : 'plain'}`;

/** Every function after the floor, without and with `--enable-source-maps`. */
function timeImports([floor, ...functions]: Measured[]) {
  if (!floor) throw new Error('No floor to compare with');
  const variant = (module: Measured, maps: boolean): ImportSubject => ({
    name: variantName(module.name, maps),
    file: module.file,
    env: withSourceMaps(module.env, maps),
  });
  const timings = pairedTimings(
    functions.flatMap((fn) =>
      [false, true].map((maps) => ({ subject: variant(fn, maps), baseline: variant(floor, maps) })),
    ),
    ROUNDS,
  );
  return (name: string, maps: boolean): PairedTiming =>
    timings.get(variantName(name, maps)) ?? { medianMs: Number.NaN, ratio: Number.NaN };
}

const megabytes = (bytes: number) => `${(bytes / 1e6).toFixed(2)} MB`;
const times = (ratio: number) => `${ratio.toFixed(2)}×`;

function report(
  modules: Measured[],
  timing: (name: string, maps: boolean) => PairedTiming,
  built: ColdStartBuild,
  templateMaps: boolean,
): string {
  const cells = (name: string, maps: boolean) =>
    `${ms(timing(name, maps).medianMs)} | ${times(timing(name, maps).ratio)}`;
  const table = [
    '| Module | kind | JavaScript reached | import | × floor | import with `--enable-source-maps` | × floor |',
    '| --- | --- | --- | --- | --- | --- | --- |',
    ...modules.map(
      ({ name, kind, reachedBytes }) =>
        `| ${name} | ${kind} | ${megabytes(reachedBytes)} | ${cells(name, false)} | ${cells(name, true)} |`,
    ),
  ].join('\n');
  const targeted = modules.filter(({ kind }) => kind === 'API' || kind === 'WebSocket');
  const verdict = (met: boolean) => (met ? 'met' : 'NOT met');
  const worstRatio = Math.max(...targeted.map(({ name }) => timing(name, templateMaps).ratio));
  const mostBytes = Math.max(...targeted.map(({ reachedBytes }) => reachedBytes));
  const summary = [
    `- Layer: ${megabytes(built.layers.javaScriptBytes)} of JavaScript, ${megabytes(built.layers.sourceMapBytes)} of source maps.`,
    `- The template's NODE_OPTIONS ${templateMaps ? 'enable' : 'do not enable'} source maps at start-up; the targets are read in that column.`,
    `- API and WebSocket functions, import ≤ ${MAX_RATIO}× the floor: worst ${times(worstRatio)}, ${verdict(worstRatio <= MAX_RATIO)}`,
    `- API and WebSocket functions, ≤ 1 MB of JavaScript reached: most ${megabytes(mostBytes)}, ${verdict(mostBytes <= MAX_REACHED_BYTES)}`,
  ].join('\n');
  return `${table}\n\n${summary}`;
}

export async function benchColdStart(): Promise<void> {
  const root = process.cwd();
  const model = parseTemplate(resolve(root, 'template.yaml'));
  const outDir = mkdtempSync(join(tmpdir(), 'cold-start-bench-'));
  try {
    const built = await buildForColdStart(model, outDir);
    const modules = measuredModules(built, model, root);
    const templateMaps = (modules[0]?.env.NODE_OPTIONS ?? '')
      .split(/\s+/)
      .includes('--enable-source-maps');
    const figures = report(modules, timeImports(modules), built, templateMaps);
    console.log(`\n${figures}\n`);
    await recordResults(
      'Cold start: function imports against the minimal handler',
      `Command: \`npm run bench -- cold-start\` (${new Date().toISOString().slice(0, 10)}, Node ${process.version}). ${ROUNDS} rounds of fresh Node processes; in each round every function is imported right after the minimal handler (one DynamoDB document client, bundled with the layer's esbuild options) in the same column, in a rotated order. "× floor" is the median of those paired ratios; times are medians. JavaScript reached: the function's bundle and every layer file its static imports reach (esbuild metafiles; dynamic imports not counted).\n\n${figures}`,
    );
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}
