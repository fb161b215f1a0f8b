import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { format, resolveConfig } from 'prettier';

const resultsFile = resolve(new URL('.', import.meta.url).pathname, '../RESULTS.md');

/**
 * Replaces (or appends) one benchmark's section of bench/RESULTS.md, so each
 * benchmark keeps its latest figures and the command that produced them. The
 * file is written as Prettier formats it, so `npm run lint` passes after a run.
 */
export async function recordResults(
  section: string,
  body: string,
  file: string = resultsFile,
): Promise<void> {
  const text = existsSync(file)
    ? readFileSync(file, 'utf8')
    : '# Benchmark results\n\nFigures from `npm run bench` on the development machine (2 cores). Each section says the command that produced it.\n';
  const heading = `## ${section}`;
  const block = `${heading}\n\n${body.trim()}\n`;
  const start = text.indexOf(heading);
  let updated: string;
  if (start === -1) {
    updated = `${text.trimEnd()}\n\n${block}`;
  } else {
    const after = text.indexOf('\n## ', start + heading.length);
    updated = `${text.slice(0, start)}${block}${after === -1 ? '' : `\n${text.slice(after + 1)}`}`;
  }
  const options = (await resolveConfig(file)) ?? {};
  writeFileSync(file, await format(updated, { ...options, filepath: file }));
}
