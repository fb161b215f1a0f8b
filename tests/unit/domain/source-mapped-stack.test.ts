import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import * as esbuild from 'esbuild';
import { mapStackToSources, originalStackOf } from '../../../layers/domain/src/source-mapped-stack';

// A minified bundle with its source map, as the layer ships them; the frame
// that points into it is what V8 prints for an error thrown there.
let dir: string;
let bundleUrl: string;
let throwColumn: number;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'source-mapped-stack-'));
  writeFileSync(
    join(dir, 'failing.ts'),
    [
      'export function fail(reason: string): never {',
      '  const text = `failed: ${reason}`;',
      '  throw new Error(text);',
      '}',
      '',
    ].join('\n'),
  );
  await esbuild.build({
    entryPoints: [join(dir, 'failing.ts')],
    outfile: join(dir, 'bundle.mjs'),
    bundle: true,
    format: 'esm',
    minify: true,
    sourcemap: true,
    logLevel: 'silent',
  });
  bundleUrl = pathToFileURL(join(dir, 'bundle.mjs')).href;
  throwColumn = readFileSync(join(dir, 'bundle.mjs'), 'utf8').indexOf('throw') + 1;
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('originalStackOf', () => {
  it('names the original file, line and column of a frame in a bundle', () => {
    const stack = `Error: failed: x\n    at fail (${bundleUrl}:1:${throwColumn})`;

    const mapped = originalStackOf(stack);

    expect(mapped).toMatch(/at fail \(.*failing\.ts:3:3\)$/);
  });

  it('maps a frame given as a plain path as well as a file URL', () => {
    const stack = `Error: failed\n    at ${join(dir, 'bundle.mjs')}:1:${throwColumn}`;

    expect(originalStackOf(stack)).toMatch(/failing\.ts:3:3$/);
  });

  it('leaves frames without a source map as they are', () => {
    const stack = [
      'Error: failed',
      '    at process.processTicksAndRejections (node:internal/process/task_queues:95:5)',
      `    at run (${pathToFileURL(join(dir, 'no-map.mjs')).href}:4:2)`,
    ].join('\n');

    expect(originalStackOf(stack)).toBe(stack);
  });
});

describe('mapStackToSources', () => {
  it('maps the stack of the error and of its cause', () => {
    const cause = new Error('inner');
    cause.stack = `Error: inner\n    at fail (${bundleUrl}:1:${throwColumn})`;
    const error = new Error('outer', { cause });
    error.stack = `Error: outer\n    at fail (${bundleUrl}:1:${throwColumn})`;

    mapStackToSources(error);

    expect(error.stack).toMatch(/failing\.ts:3:3\)$/);
    expect(cause.stack).toMatch(/failing\.ts:3:3\)$/);
  });

  it('stops at a cause that leads back to an error already mapped', () => {
    const error = new Error('loop');
    error.stack = `Error: loop\n    at fail (${bundleUrl}:1:${throwColumn})`;
    error.cause = error;

    mapStackToSources(error);

    expect(error.stack).toMatch(/failing\.ts:3:3\)$/);
  });
});
