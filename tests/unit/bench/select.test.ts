import { selectBenchmarks, type Benchmark } from '../../../bench/lib/select';

const noop = async (): Promise<void> => undefined;
const benchmarks: Record<string, Benchmark> = {
  'get-item': { description: 'reads', run: noop },
  search: { description: 'searches', run: noop },
};

describe('npm run bench arguments', () => {
  it('runs every benchmark when none is named', () => {
    expect(selectBenchmarks([], benchmarks)).toEqual({
      kind: 'run',
      names: ['get-item', 'search'],
    });
  });

  it('runs only the named ones', () => {
    expect(selectBenchmarks(['search'], benchmarks)).toEqual({ kind: 'run', names: ['search'] });
  });

  it('lists every benchmark with what it measures for --help', () => {
    const selection = selectBenchmarks(['--help'], benchmarks);

    expect(selection.kind).toBe('help');
    expect(selection.kind === 'help' && selection.text).toMatch(
      /get-item\s+reads\n\s+search\s+searches/,
    );
  });

  it('refuses a misspelt name, naming it and listing the benchmarks', () => {
    const selection = selectBenchmarks(['serch'], benchmarks);

    expect(selection.kind).toBe('error');
    expect(selection.kind === 'error' && selection.text).toMatch(
      /Unknown benchmark: serch[\s\S]*get-item/,
    );
  });
});
