/** Percentile by nearest rank over an unsorted sample. */
export function percentile(samples: number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank] as number;
}

export interface LoadResult {
  /** Milliseconds per call, one per call. */
  latencies: number[];
  /** Calls per second over the whole run. */
  throughput: number;
}

/** Runs `total` calls of `fn`, `concurrency` at a time, and times each. */
export async function runLoad(
  fn: () => Promise<void>,
  total: number,
  concurrency: number,
): Promise<LoadResult> {
  const latencies: number[] = [];
  let next = 0;
  const started = performance.now();
  const worker = async (): Promise<void> => {
    while (next < total) {
      next += 1;
      const t0 = performance.now();
      await fn();
      latencies.push(performance.now() - t0);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  const seconds = (performance.now() - started) / 1000;
  return { latencies, throughput: total / seconds };
}

/** Several runs of one call as one: every latency, and calls per second over their summed time. */
export function combineLoads(runs: readonly LoadResult[]): LoadResult {
  const calls = runs.reduce((sum, run) => sum + run.latencies.length, 0);
  const seconds = runs.reduce((sum, run) => sum + run.latencies.length / run.throughput, 0);
  return { latencies: runs.flatMap((run) => run.latencies), throughput: calls / seconds };
}

export const ms = (value: number): string => `${value.toFixed(2)} ms`;
export const perSecond = (value: number): string => `${Math.round(value)}/s`;

/** `- label: 2.41× its baseline (target ≤ 2.5×): met`, the ratio of two latencies against its limit. */
export function ratioVerdict(
  label: string,
  value: number,
  baseline: number,
  limit: number,
): string {
  const ratio = value / baseline;
  const met = Number.isFinite(ratio) && ratio <= limit;
  return `- ${label}: ${ratio.toFixed(2)}× (${ms(value)} against ${ms(baseline)}; target ≤ ${limit}×): ${met ? 'met' : 'NOT met'}`;
}
