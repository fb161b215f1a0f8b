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

/**
 * The source files bundled into an entry and into every module it imports,
 * transitively, as the bundles' source maps name them (the bundles are minified).
 */
function moduleGraphOf(entry: string): string[] {
  const seen = new Set<string>();
  const visit = (file: string): void => {
    if (seen.has(file)) return;
    seen.add(file);
    const text = readFileSync(join(packageDir, file), 'utf8');
    for (const [, specifier] of text.matchAll(/(?:from|import)\s*"(\.\.?\/[^"]+\.mjs)"/g)) {
      visit(posix.join(posix.dirname(file), specifier ?? ''));
    }
  };
  visit(entry);
  return [...seen].flatMap((file) => {
    const map = JSON.parse(readFileSync(join(packageDir, `${file}.map`), 'utf8')) as {
      sources: string[];
    };
    return map.sources;
  });
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

  // The source maps name each bundled module's source path, which tells the
  // clients a bundle holds apart.
  it('keeps the clients of other features out of the search entry', () => {
    const sources = moduleGraphOf('search.mjs');

    expect(
      sources.some((source) => source.includes('node_modules/@aws-sdk/client-cloudsearch-domain/')),
    ).toBe(true);
    expect(sources.some((source) => source.includes('node_modules/@aws-sdk/client-s3/'))).toBe(
      false,
    );
  });

  it('keeps the S3 client out of the search API app', () => {
    const sources = moduleGraphOf('apps/search-api.mjs');

    expect(sources.some((source) => source.includes('/src/search/search-operations.ts'))).toBe(
      true,
    );
    expect(sources.some((source) => source.includes('node_modules/@aws-sdk/client-s3/'))).toBe(
      false,
    );
  });

  it('keeps the Step Functions client out of the data API app until DELETE /v1/me loads it', () => {
    const sources = moduleGraphOf('apps/data-api.mjs');

    expect(sources.some((source) => source.includes('/src/items/item-operations.ts'))).toBe(true);
    expect(sources.some((source) => source.includes('node_modules/@aws-sdk/client-sfn/'))).toBe(
      false,
    );
  });
});
