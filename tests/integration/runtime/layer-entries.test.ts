import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, posix, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

// The domain layer ships one bundle per entry (each function's app, the HTTP
// helpers, the feature entries) so that a function's cold start evaluates only
// what it runs; this checks what `sam build` ships.
const layerDir = resolve(process.cwd(), 'layers/domain');
const sourceManifest = JSON.parse(readFileSync(join(layerDir, 'package.json'), 'utf8')) as {
  exports: Record<string, string>;
};

let artifactsDir: string;
let packageDir: string;

beforeAll(async () => {
  artifactsDir = mkdtempSync(join(tmpdir(), 'layer-entries-'));
  const build = (await import(pathToFileURL(join(layerDir, 'build.mjs')).href)) as {
    buildLayer(artifactsDir: string): Promise<void>;
    layerPackageDir(artifactsDir: string): Promise<string>;
  };
  await build.buildLayer(artifactsDir);
  packageDir = await build.layerPackageDir(artifactsDir);
}, 60_000);

afterAll(() => {
  rmSync(artifactsDir, { recursive: true, force: true });
});

/** The source of an entry and of every module it imports, transitively (paths relative to the package). */
function moduleGraphOf(entry: string): string[] {
  const seen = new Set<string>();
  const visit = (file: string): void => {
    if (seen.has(file)) return;
    seen.add(file);
    const text = readFileSync(join(packageDir, file), 'utf8');
    for (const [, specifier] of text.matchAll(/(?:from |import )"(\.\.?\/[^"]+\.mjs)"/g)) {
      visit(posix.join(posix.dirname(file), specifier ?? ''));
    }
  };
  visit(entry);
  return [...seen].map((file) => readFileSync(join(packageDir, file), 'utf8'));
}

describe('the built domain layer', () => {
  it('maps every entry of the source package to a bundle of its own', () => {
    const built = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')) as {
      exports: Record<string, string>;
    };

    expect(Object.keys(built.exports).sort()).toEqual(Object.keys(sourceManifest.exports).sort());
    for (const file of Object.values(built.exports)) {
      expect(existsSync(join(packageDir, file))).toBe(true);
    }
  });

  // esbuild marks each bundled module with its source path, which tells the
  // clients a bundle holds apart.
  it('keeps the clients of other features out of the search entry', () => {
    const code = moduleGraphOf('search.mjs');

    expect(
      code.some((text) => text.includes('node_modules/@aws-sdk/client-cloudsearch-domain/')),
    ).toBe(true);
    expect(code.some((text) => text.includes('node_modules/@aws-sdk/client-s3/'))).toBe(false);
  });

  it('keeps the S3 client out of the search API app', () => {
    const code = moduleGraphOf('apps/search-api.mjs');

    expect(code.some((text) => text.includes('// src/search/search-operations.ts'))).toBe(true);
    expect(code.some((text) => text.includes('node_modules/@aws-sdk/client-s3/'))).toBe(false);
  });

  it('keeps the Step Functions client out of the data API app until DELETE /v1/me loads it', () => {
    const code = moduleGraphOf('apps/data-api.mjs');

    expect(code.some((text) => text.includes('// src/items/item-operations.ts'))).toBe(true);
    expect(code.some((text) => text.includes('node_modules/@aws-sdk/client-sfn/'))).toBe(false);
  });
});
