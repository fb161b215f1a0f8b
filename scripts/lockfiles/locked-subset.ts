// The part of the root package-lock.json that one workspace (the layer, a
// function) installs, as a lockfile of its own. `sam build` installs each of
// them in a copy of its folder, where the root lockfile is absent.

export interface LockedPackage {
  name?: string;
  version?: string;
  link?: boolean;
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  peerDependenciesMeta?: Record<string, { optional?: boolean }>;
  [key: string]: unknown;
}

export interface Lockfile {
  name?: string;
  version?: string;
  lockfileVersion: number;
  requires?: boolean;
  packages: Record<string, LockedPackage>;
}

export interface Manifest extends LockedPackage {
  name: string;
  version: string;
}

/** The package an entry of `packages` installs: its path's last `node_modules/` segment. */
export function packageNameAt(path: string, entry: LockedPackage): string {
  return entry.name ?? path.slice(path.lastIndexOf('node_modules/') + 'node_modules/'.length);
}

/** Where Node looks for `dependency` from the package at `from`, nearest first. */
export function lookupPaths(from: string, dependency: string): string[] {
  const paths: string[] = [];
  let dir = from;
  for (;;) {
    paths.push(dir === '' ? `node_modules/${dependency}` : `${dir}/node_modules/${dependency}`);
    if (dir === '') return paths;
    const nested = dir.lastIndexOf('/node_modules/');
    dir = nested < 0 ? '' : dir.slice(0, nested);
  }
}

function requiredBy(entry: LockedPackage, withDev: boolean): [string, boolean][] {
  const optionalPeers = entry.peerDependenciesMeta ?? {};
  return [
    ...Object.keys(entry.dependencies ?? {}).map((name): [string, boolean] => [name, false]),
    ...Object.keys(withDev ? (entry.devDependencies ?? {}) : {}).map((name): [string, boolean] => [
      name,
      false,
    ]),
    ...Object.keys(entry.optionalDependencies ?? {}).map((name): [string, boolean] => [name, true]),
    ...Object.keys(entry.peerDependencies ?? {}).map((name): [string, boolean] => [
      name,
      optionalPeers[name]?.optional === true,
    ]),
  ];
}

/**
 * Every entry of the root lockfile that the workspace at `workspacePath`
 * reaches through its dependencies, at the path it would have in the
 * workspace's own lockfile, under a root entry made from its manifest.
 */
export function lockedSubset(root: Lockfile, workspacePath: string, manifest: Manifest): Lockfile {
  const packages: Record<string, LockedPackage> = {};
  const pending: [string, LockedPackage, boolean][] = [[workspacePath, manifest, true]];
  for (let next = pending.pop(); next; next = pending.pop()) {
    const [from, entry, isWorkspace] = next;
    for (const [dependency, optional] of requiredBy(entry, isWorkspace)) {
      const path = lookupPaths(from, dependency).find((candidate) => root.packages[candidate]);
      if (path === undefined) {
        if (optional) continue;
        throw new Error(`${from || 'the root'} needs ${dependency}, which the root lockfile lacks`);
      }
      const target = path.startsWith(`${workspacePath}/`)
        ? path.slice(workspacePath.length + 1)
        : path;
      if (packages[target]) continue;
      const locked = root.packages[path] as LockedPackage;
      if (locked.link) throw new Error(`${workspacePath} depends on the workspace ${dependency}`);
      packages[target] = locked;
      pending.push([path, locked, false]);
    }
  }
  const { name, version, dependencies, devDependencies, optionalDependencies } = manifest;
  const rootEntry = { name, version, dependencies, devDependencies, optionalDependencies };
  return {
    name,
    version,
    lockfileVersion: root.lockfileVersion,
    requires: true,
    packages: {
      '': JSON.parse(JSON.stringify(rootEntry)) as LockedPackage,
      ...sortedByPath(packages),
    },
  };
}

function sortedByPath(packages: Record<string, LockedPackage>): Record<string, LockedPackage> {
  return Object.fromEntries(Object.entries(packages).sort(([a], [b]) => a.localeCompare(b)));
}

/** Entries of `lockfile` whose version is none of the root lockfile's for that package. */
export function versionsNotInRoot(lockfile: Lockfile, root: Lockfile): string[] {
  const rootVersions = new Set(
    Object.entries(root.packages).map(
      ([path, entry]) => `${packageNameAt(path, entry)}@${entry.version}`,
    ),
  );
  return Object.entries(lockfile.packages)
    .filter(([path]) => path !== '')
    .map(([path, entry]) => `${packageNameAt(path, entry)}@${entry.version}`)
    .filter((locked) => !rootVersions.has(locked));
}
