import { describe, expect, it } from '@jest/globals';
import type { Metafile } from 'esbuild';
import { outputGraph, reachedBytes } from '../../../bench/lib/reached-bytes';

type Output = Metafile['outputs'][string];

function output(bytes: number, imports: Output['imports'] = []): Output {
  return { bytes, imports, exports: [], inputs: {} };
}

// A layer build: two entries sharing a chunk, one of them importing a chunk
// only dynamically, and a Node built-in left external.
const layer = outputGraph(
  {
    inputs: {},
    outputs: {
      'out/http.mjs': output(100, [
        { path: 'out/chunks/shared.mjs', kind: 'import-statement' },
        { path: 'node:crypto', kind: 'import-statement', external: true },
      ]),
      'out/apps/data-api.mjs': output(50, [
        { path: 'out/chunks/shared.mjs', kind: 'import-statement' },
        { path: 'out/chunks/lazy.mjs', kind: 'dynamic-import' },
      ]),
      'out/chunks/shared.mjs': output(1000),
      'out/chunks/lazy.mjs': output(5000),
      'out/http.mjs.map': output(99999),
    },
  },
  '/layer',
);

const layerEntries: Record<string, string> = {
  '@example/domain/http': '/layer/out/http.mjs',
  '@example/domain/apps/data-api': '/layer/out/apps/data-api.mjs',
};

describe('reachedBytes', () => {
  it('counts a shared chunk once and follows external imports into the layer', () => {
    const fn = outputGraph(
      {
        inputs: {},
        outputs: {
          'handler.mjs': output(10, [
            { path: '@example/domain/http', kind: 'import-statement', external: true },
            { path: '@example/domain/apps/data-api', kind: 'import-statement', external: true },
          ]),
        },
      },
      '/fn',
    );

    const bytes = reachedBytes(
      ['/fn/handler.mjs'],
      new Map([...layer, ...fn]),
      (specifier) => layerEntries[specifier],
    );

    expect(bytes).toBe(10 + 100 + 50 + 1000);
  });

  it('leaves out what is only imported dynamically, source maps and Node built-ins', () => {
    const bytes = reachedBytes(['/layer/out/apps/data-api.mjs'], layer, () => undefined);

    expect(bytes).toBe(50 + 1000);
  });
});
