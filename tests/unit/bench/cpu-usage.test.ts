import {
  cpuBetween,
  describeCpu,
  descendantsOf,
  labelOf,
  parseProcStat,
  type ProcessStat,
} from '../../../bench/lib/cpu-usage';

// Fields 3.. of /proc/<pid>/stat, with utime (field 14) and stime (field 15) to fill in.
const statLine = (pid: number, name: string, ppid: number, utime: number, stime: number) =>
  `${pid} (${name}) S ${ppid} ${Array.from({ length: 9 }, () => '0').join(' ')} ${utime} ${stime} 0 0 20 0 7 0`;
const processOf = (pid: number, ppid: number, cpuSeconds: number, name = 'node'): ProcessStat => ({
  pid,
  ppid,
  name,
  cpuSeconds,
});

describe('CPU time per process from /proc', () => {
  it('reads the parent and user plus system time, in seconds of 100 ticks', () => {
    expect(parseProcStat(statLine(42, 'java', 7, 250, 50))).toEqual({
      pid: 42,
      ppid: 7,
      name: 'java',
      cpuSeconds: 3,
    });
  });

  it('reads a name that holds spaces and parentheses', () => {
    const stat = parseProcStat(statLine(9, 'a (b) c', 1, 100, 0));

    expect(stat).toMatchObject({ name: 'a (b) c', ppid: 1, cpuSeconds: 1 });
  });

  it('refuses a line that is no stat line', () => {
    expect(() => parseProcStat('not a stat line')).toThrow('Not a /proc stat line');
  });

  it('finds every descendant of a root, and nothing else', () => {
    const all = [
      processOf(1, 0, 0),
      processOf(10, 1, 0),
      processOf(11, 10, 0),
      processOf(20, 0, 0),
    ];

    expect(descendantsOf(10, all).map((process) => process.pid)).toEqual([10, 11]);
  });

  it('gives the CPU each process spent between snapshots, in cores, busiest first', () => {
    const before = [processOf(1, 0, 10), processOf(2, 1, 5)];
    const after = [processOf(1, 0, 11), processOf(2, 1, 8), processOf(3, 1, 0.5)];

    const usage = cpuBetween(before, after, 2);

    expect(usage.map(({ pid, cores }) => [pid, cores])).toEqual([
      [2, 1.5],
      [1, 0.5],
      [3, 0.25],
    ]);
  });

  it('counts a process measured twice (from two roots) once', () => {
    const before = [processOf(1, 0, 10), processOf(1, 0, 10)];
    const after = [processOf(1, 0, 12), processOf(1, 0, 12)];

    expect(cpuBetween(before, after, 1)).toHaveLength(1);
  });

  it('names the busiest processes with their cores', () => {
    const usage = [
      { pid: 1, name: 'java', cpuSeconds: 2, cores: 0.92 },
      { pid: 2, name: 'MainThread', cpuSeconds: 1, cores: 0.61 },
      { pid: 3, name: 'esbuild', cpuSeconds: 0.1, cores: 0.01 },
    ];

    expect(describeCpu(usage, 2)).toBe('java 0.92 · MainThread 0.61');
  });

  it('names a Node process by the script it runs, and others by their own name', () => {
    const sandbox = ['node', '--import', 'tsx', '/repo/sandbox/main.ts', '--in-memory'];

    expect(labelOf('MainThread', sandbox)).toBe('sandbox/main.ts');
    expect(labelOf('node', ['node'])).toBe('node');
    expect(labelOf('node', ['node', '--require', '/tsx/dist/preflight.cjs', 'bench/run.ts'])).toBe(
      'bench/run.ts',
    );
    expect(labelOf('java', ['java', '-jar', 'DynamoDBLocal.jar'])).toBe('java');
  });
});
