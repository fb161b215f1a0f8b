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

export interface PairedTiming {
  /** Median import time of the subject. */
  medianMs: number;
  /** Median over rounds of the subject's time divided by the baseline's, sampled just before it. */
  ratio: number;
}

/**
 * Each subject imported `rounds` times, one process per sample, every sample
 * right after a sample of its baseline, subjects in a rotated order each
 * round: load on the machine that comes and goes falls on both sides of
 * each ratio alike. Returns the baseline's median under its own name.
 */
export function pairedTimings(
  pairs: { subject: ImportSubject; baseline: ImportSubject }[],
  rounds: number,
): Map<string, PairedTiming> {
  const times = new Map<string, number[]>();
  const ratios = new Map<string, number[]>();
  const record = (map: Map<string, number[]>, name: string, value: number) =>
    map.set(name, [...(map.get(name) ?? []), value]);
  for (let round = 0; round < rounds; round += 1) {
    const shift = round % pairs.length;
    for (const { subject, baseline } of [...pairs.slice(shift), ...pairs.slice(0, shift)]) {
      const floor = freshImportMs(baseline);
      const time = freshImportMs(subject);
      record(times, baseline.name, floor);
      record(times, subject.name, time);
      record(ratios, subject.name, time / floor);
    }
  }
  return new Map(
    [...times].map(([name, samples]) => [
      name,
      { medianMs: percentile(samples, 50), ratio: percentile(ratios.get(name) ?? [1], 50) },
    ]),
  );
}
