// Fixture function and layer specs for the runtime tests, shaped as the
// template parser gives them for template.yaml's functions.
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FunctionSpec, LayerSpec } from '../../../sandbox/template/model';

export const fixturesDir = fileURLToPath(new URL('../../fixtures/', import.meta.url));

export function greetingLayer(contentUri = join(fixturesDir, 'layers', 'greeting')): LayerSpec {
  return { logicalId: 'GreetingLayer', contentUri };
}

export function probeFunction(overrides: Partial<FunctionSpec> = {}): FunctionSpec {
  return {
    logicalId: 'ProbeFunction',
    codeUri: join(fixturesDir, 'functions', 'probe'),
    handler: 'handler.handler',
    properties: {},
    runtime: 'nodejs24.x',
    timeoutSeconds: 10,
    memorySizeMb: 256,
    environment: {},
    layers: ['GreetingLayer'],
    buildProperties: {
      Format: 'esm',
      Platform: 'node',
      Target: 'es2023',
      OutExtension: ['.js=.mjs'],
      EntryPoints: ['handler.ts'],
      External: ['@fixture/greeting'],
      Sourcemap: true,
      Minify: false,
    },
    apiEvents: [],
    ...overrides,
  };
}

/** Build output lives outside the repository, so nothing resolves from its node_modules. */
export function temporaryDir(name: string): Promise<string> {
  return mkdtemp(join(tmpdir(), `${name}-`));
}
