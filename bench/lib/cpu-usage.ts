import { readdirSync, readFileSync } from 'node:fs';

// CPU time per process of a process tree, read from /proc (Linux): what a
// benchmark step cost each process, so a figure can say which one saturated.

/** Clock ticks per second of /proc/<pid>/stat's utime and stime (USER_HZ, 100 on Linux). */
const TICKS_PER_SECOND = 100;

export interface ProcessStat {
  pid: number;
  ppid: number;
  /** The executable's name as the kernel keeps it (at most 15 characters). */
  name: string;
  /** User plus system CPU time, in seconds. */
  cpuSeconds: number;
}

/**
 * One line of /proc/<pid>/stat. The name is in parentheses and may itself hold
 * spaces or parentheses, so the fields are counted from the last `)`.
 */
export function parseProcStat(line: string): ProcessStat {
  const open = line.indexOf('(');
  const close = line.lastIndexOf(')');
  if (open === -1 || close < open) throw new Error(`Not a /proc stat line: ${line}`);
  // After the name: state(3) ppid(4) … utime(14) stime(15), so index 0 is field 3.
  const fields = line
    .slice(close + 2)
    .trim()
    .split(/\s+/);
  const field = (n: number) => Number(fields[n - 3]);
  return {
    pid: Number(line.slice(0, open).trim()),
    ppid: field(4),
    name: line.slice(open + 1, close),
    cpuSeconds: (field(14) + field(15)) / TICKS_PER_SECOND,
  };
}

/** Every process whose ancestry reaches `root`, the root included. */
export function descendantsOf(root: number, processes: readonly ProcessStat[]): ProcessStat[] {
  const children = new Map<number, ProcessStat[]>();
  for (const process of processes) {
    children.set(process.ppid, [...(children.get(process.ppid) ?? []), process]);
  }
  const found = processes.filter((process) => process.pid === root);
  for (let i = 0; i < found.length; i++) {
    found.push(...(children.get(found[i]?.pid ?? -1) ?? []));
  }
  return found;
}

export interface CpuShare {
  pid: number;
  name: string;
  cpuSeconds: number;
  /** Share of one core over the interval: 1 is one core busy the whole time. */
  cores: number;
}

/** The CPU each process used between two snapshots, busiest first. */
export function cpuBetween(
  before: readonly ProcessStat[],
  after: readonly ProcessStat[],
  wallSeconds: number,
): CpuShare[] {
  const start = new Map(before.map((process) => [process.pid, process.cpuSeconds]));
  // A process under two of the roots (the sandbox is the benchmark's child) counts once.
  const once = [...new Map(after.map((process) => [process.pid, process])).values()];
  return once
    .map((process) => {
      const cpuSeconds = process.cpuSeconds - (start.get(process.pid) ?? 0);
      return { pid: process.pid, name: process.name, cpuSeconds, cores: cpuSeconds / wallSeconds };
    })
    .filter((share) => share.cpuSeconds > 0)
    .sort((a, b) => b.cpuSeconds - a.cpuSeconds);
}

/**
 * A Node process by the script it runs (`sandbox/main.ts`, `bench/run.ts`):
 * its kernel name is only `MainThread` or `node`.
 */
export function labelOf(name: string, argv: readonly string[]): string {
  if (name !== 'MainThread' && name !== 'node') return name;
  // A script given to --require or --import is a loader (tsx), not what the process runs.
  const script = argv
    .slice(1)
    .find(
      (arg, i, args) =>
        /\.(m?[jt]s|cjs)$/.test(arg) && !/^(-r|--require|--import)$/.test(args[i - 1] ?? ''),
    );
  return script ? script.split('/').slice(-2).join('/') : name;
}

function readStat(pid: string): ProcessStat | undefined {
  try {
    const stat = parseProcStat(readFileSync(`/proc/${pid}/stat`, 'utf8'));
    const argv = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean);
    return { ...stat, name: labelOf(stat.name, argv) };
  } catch {
    return undefined; // ended between the listing and the read
  }
}

/** A snapshot of `root` and its descendants (the benchmark itself is one root, the sandbox another). */
export function snapshotProcessTree(root: number): ProcessStat[] {
  const all = readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .map(readStat)
    .filter((stat): stat is ProcessStat => stat !== undefined);
  return descendantsOf(root, all);
}

/** Runs `step` and says what CPU each process of the given trees spent on it. */
export async function measureCpu<T>(
  roots: readonly number[],
  step: () => Promise<T>,
): Promise<{ result: T; usage: CpuShare[]; wallSeconds: number }> {
  const snapshot = () => roots.flatMap(snapshotProcessTree);
  const before = snapshot();
  const t0 = performance.now();
  const result = await step();
  const wallSeconds = (performance.now() - t0) / 1000;
  return { result, usage: cpuBetween(before, snapshot(), wallSeconds), wallSeconds };
}

/** `java 0.92 · node 0.61 · …`: the busiest processes, in cores. */
export function describeCpu(usage: readonly CpuShare[], top = 4): string {
  return usage
    .slice(0, top)
    .map((share) => `${share.name} ${share.cores.toFixed(2)}`)
    .join(' · ');
}
