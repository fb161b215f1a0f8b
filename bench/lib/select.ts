/** One benchmark of `npm run bench`: what it measures, for the --help list. */
export interface Benchmark {
  description: string;
  run: () => Promise<void>;
}

export type Selection =
  | { kind: 'help'; text: string }
  | { kind: 'error'; text: string }
  | { kind: 'run'; names: string[] };

export function benchmarkList(benchmarks: Record<string, Benchmark>): string {
  const width = Math.max(...Object.keys(benchmarks).map((name) => name.length));
  return Object.entries(benchmarks)
    .map(([name, { description }]) => `  ${name.padEnd(width)}  ${description}`)
    .join('\n');
}

/** `npm run bench [-- NAME ...]`: every benchmark, the named ones, or the list with --help. */
export function selectBenchmarks(
  args: readonly string[],
  benchmarks: Record<string, Benchmark>,
): Selection {
  const usage = `Usage: npm run bench [-- NAME ...]\n\nBenchmarks:\n${benchmarkList(benchmarks)}`;
  if (args.includes('--help') || args.includes('-h')) return { kind: 'help', text: usage };
  const unknown = args.filter((name) => !(name in benchmarks));
  if (unknown.length > 0) {
    return { kind: 'error', text: `Unknown benchmark: ${unknown.join(', ')}\n\n${usage}` };
  }
  return { kind: 'run', names: args.length > 0 ? [...args] : Object.keys(benchmarks) };
}
