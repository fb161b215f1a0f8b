import { readFileSync } from 'node:fs';
import { SourceMap } from 'node:module';
import { fileURLToPath } from 'node:url';

// Source maps that cost nothing until an error. Enabling them at start-up
// (`--enable-source-maps`) reads and parses the map of every bundle a cold
// start loads; instead, the stack of an error about to be logged is mapped
// here, reading the map of each bundle it passes through once per execution
// environment.

const maps = new Map<string, SourceMap | undefined>();

function sourceMapOf(file: string): SourceMap | undefined {
  if (!maps.has(file)) {
    try {
      maps.set(file, new SourceMap(JSON.parse(readFileSync(`${file}.map`, 'utf8'))));
    } catch {
      maps.set(file, undefined);
    }
  }
  return maps.get(file);
}

/**
 * The source as it sits in its package (`node_modules/zod/...`,
 * `src/items/item.ts`), without the directories of the machine that built it.
 */
function readableSource(source: string): string {
  const dependency = source.lastIndexOf('node_modules/');
  if (dependency >= 0) return source.slice(dependency);
  const own = source.lastIndexOf('/src/');
  if (own >= 0) return source.slice(own + 1);
  return source.replace(/^(\.\.\/)+/, '');
}

// `file:///opt/nodejs/.../chunk-X.mjs:1:2345` or `/var/task/handler.mjs:3:17` in a stack frame.
const BUNDLE_POSITION = /((?:file:\/\/)?\/[^\s():]+\.[cm]?js):(\d+):(\d+)/g;

/** The stack with every bundle position replaced by the original file, line and column. */
export function originalStackOf(stack: string): string {
  return stack.replace(
    BUNDLE_POSITION,
    (position, location: string, line: string, column: string) => {
      const file = location.startsWith('file://') ? fileURLToPath(location) : location;
      const entry = sourceMapOf(file)?.findEntry(Number(line) - 1, Number(column) - 1);
      if (entry === undefined || !('originalSource' in entry)) return position;
      return `${readableSource(entry.originalSource)}:${entry.originalLine + 1}:${entry.originalColumn + 1}`;
    },
  );
}

/** Maps the stack of the error and of its causes in place, so every log and trace of it names the sources. */
export function mapStackToSources(error: unknown): void {
  const seen = new Set<Error>();
  for (
    let current = error;
    current instanceof Error && !seen.has(current);
    current = current.cause
  ) {
    seen.add(current);
    if (typeof current.stack === 'string') current.stack = originalStackOf(current.stack);
  }
}
