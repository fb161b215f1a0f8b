import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

// The domain layer ships one bundle per feature entry so that a function's
// cold start evaluates only its feature; this checks what `sam build` ships.
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

/** The source of an entry and of every chunk it imports, transitively. */
function moduleGraphOf(entry: string): string[] {
  const seen = new Set<string>();
  const visit = (file: string): void => {
    if (seen.has(file)) return;
    seen.add(file);
    const text = readFileSync(join(packageDir, file), 'utf8');
    for (const [, chunk] of text.matchAll(/(?:from |import )"\.\/(?:\.\.\/)?(chunks\/[^"]+)"/g))
      visit(chunk ?? '');
    for (const [, chunk] of text.matchAll(/(?:from |import )"\.\/([^"/]+\.mjs)"/g)) {
      visit(file.startsWith('chunks/') ? `chunks/${chunk}` : (chunk ?? ''));
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
});
