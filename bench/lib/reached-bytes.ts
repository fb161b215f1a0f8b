import { resolve } from 'node:path';
import type { Metafile } from 'esbuild';

// Bytes of JavaScript a module reaches through static imports: what Node
// must read, parse and evaluate before the module's first line runs.
// Dynamic import()s are not followed: they cost nothing until they run.

interface OutputFile {
  bytes: number;
  /** Absolute paths of bundled files; specifiers of external ones. */
  imports: { path: string; external: boolean }[];
}

/** Every JavaScript output of a build, by absolute path. */
export type OutputGraph = Map<string, OutputFile>;

export function outputGraph(metafile: Metafile, workingDir: string): OutputGraph {
  const graph: OutputGraph = new Map();
  for (const [file, output] of Object.entries(metafile.outputs)) {
    if (!/\.[cm]?js$/.test(file)) continue;
    graph.set(resolve(workingDir, file), {
      bytes: output.bytes,
      imports: output.imports
        .filter((entry) => entry.kind === 'import-statement')
        .map((entry) => ({
          path: entry.external === true ? entry.path : resolve(workingDir, entry.path),
          external: entry.external === true,
        })),
    });
  }
  return graph;
}

/**
 * Sums the files reached from `entries`. An external specifier is followed
 * into the file `resolveExternal` names (a layer's entry), or left out when
 * it names none (a Node built-in).
 */
export function reachedBytes(
  entries: string[],
  graph: OutputGraph,
  resolveExternal: (specifier: string) => string | undefined,
): number {
  const seen = new Set<string>();
  let total = 0;
  const visit = (file: string): void => {
    const output = graph.get(file);
    if (output === undefined || seen.has(file)) return;
    seen.add(file);
    total += output.bytes;
    for (const next of output.imports) {
      const target = next.external ? resolveExternal(next.path) : next.path;
      if (target !== undefined) visit(target);
    }
  };
  entries.forEach(visit);
  return total;
}
