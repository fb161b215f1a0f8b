import { execFileSync } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import { percentile } from './stats';

// Import time of a module in a fresh Node process, as a cold start pays it:
// from before `import()` to its module-scope code having run.

export interface ImportSubject {
  name: string;
  file: string;
  env: Record<string, string>;
}

export function freshImportMs(subject: ImportSubject): number {
  const url = pathToFileURL(subject.file).href;
  const script = `const t = performance.now(); await import(${JSON.stringify(url)}); console.log(performance.now() - t);`;
  try {
    const output = execFileSync(process.execPath, ['--input-type=module', '-e', script], {
      env: subject.env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    return Number(output.toString().trim());
  } catch (error) {
    const stderr = (error as { stderr?: Buffer }).stderr?.toString().trim() ?? '';
    throw new Error(`${subject.name} failed to import:\n${stderr}`, { cause: error });
  }
}

/**
 * Median import time of each subject over `rounds`, one process per sample,
 * the subjects interleaved round by round (each round in a rotated order), so
 * that a burst of load on the machine falls on all of them alike.
 */
export function interleavedMedians(subjects: ImportSubject[], rounds: number): Map<string, number> {
  const samples = new Map<string, number[]>(subjects.map((subject) => [subject.name, []]));
  for (let round = 0; round < rounds; round += 1) {
    const shift = round % subjects.length;
    for (const subject of [...subjects.slice(shift), ...subjects.slice(0, shift)]) {
      samples.get(subject.name)?.push(freshImportMs(subject));
    }
  }
  return new Map([...samples].map(([name, times]) => [name, percentile(times, 50)]));
}
