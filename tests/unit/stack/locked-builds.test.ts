import { existsSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { parseTemplate } from '../../../sandbox/template/parse';

// `sam build` installs the layer's and each function's dependencies in a copy
// of its folder, where the root lockfile is absent: each folder keeps its own
// lockfile, with the root lockfile's versions (`npm run lockfile:workspaces`).
const root = resolve(import.meta.dirname ?? new URL('.', import.meta.url).pathname, '../../..');
const model = parseTemplate(join(root, 'template.yaml'));

interface Locked {
  name?: string;
  version?: string;
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
}
interface Lock {
  packages: Record<string, Locked>;
}

const readJson = <T>(path: string): T => JSON.parse(readFileSync(path, 'utf8')) as T;
const nameAt = (path: string, entry: Locked) =>
  entry.name ?? path.slice(path.lastIndexOf('node_modules/') + 'node_modules/'.length);
const lockedVersions = (lock: Lock) =>
  Object.entries(lock.packages)
    .filter(([path]) => path.includes('node_modules/'))
    .map(([path, entry]) => `${nameAt(path, entry)}@${entry.version}`);

const rootVersions = new Set(lockedVersions(readJson<Lock>(join(root, 'package-lock.json'))));
const buildFolders = [
  ...model.layers.map((layer) => layer.contentUri),
  ...model.functions.map((fn) => fn.codeUri),
].map((folder) => [relative(root, folder), folder] as const);

describe.each(buildFolders)('%s as sam build installs it', (_name, folder) => {
  const lockPath = join(folder, 'package-lock.json');
  const lock = (): Lock => readJson<Lock>(lockPath);
  const manifest = readJson<Locked>(join(folder, 'package.json'));
  const declared = { ...manifest.dependencies, ...manifest.devDependencies };

  it('has a lockfile that declares what its package.json declares, as npm ci requires', () => {
    expect(existsSync(lockPath)).toBe(true);
    const { dependencies, devDependencies } = lock().packages[''] ?? {};

    expect({ dependencies, devDependencies }).toEqual({
      dependencies: manifest.dependencies,
      devDependencies: manifest.devDependencies,
    });
  });

  it('locks every dependency of its package.json', () => {
    const missing = Object.keys(declared).filter(
      (name) => !lock().packages[`node_modules/${name}`],
    );

    expect(missing).toEqual([]);
  });

  it('locks only versions the root lockfile holds, the ones the tests ran with', () => {
    const drifted = lockedVersions(lock()).filter((locked) => !rootVersions.has(locked));

    expect(drifted).toEqual([]);
  });
});

describe('the layer build', () => {
  it.each(model.layers.map((layer) => [layer.logicalId, layer.contentUri] as const))(
    '%s installs with npm ci, exactly the locked versions',
    (logicalId, folder) => {
      const makefile = readFileSync(join(folder, 'Makefile'), 'utf8');
      const target = makefile.split(new RegExp(`^build-${logicalId}:`, 'm'))[1] ?? '';
      const commands = target.split(/\n(?!\t)/)[0] ?? '';

      expect(commands).toMatch(/^\tnpm ci\b/m);
      expect(commands).not.toMatch(/\bnpm (install|i)\b/);
    },
  );
});
