import type { CallSample } from './load-steps';

export interface BoundedLoad {
  /** One call; throwing or resolving false counts as an error. */
  call: (index: number) => Promise<boolean>;
  concurrency: number;
  /** At most this many calls in all ... */
  maxCalls: number;
  /** ... and no call started after this many seconds. */
  maxSeconds: number;
}

/**
 * A closed loop: `concurrency` callers, each starting its next call when the
 * last one answered, until either bound is reached. Every call is timed.
 */
export async function runBoundedLoad(
  load: BoundedLoad,
): Promise<{ samples: CallSample[]; wallSeconds: number }> {
  const samples: CallSample[] = [];
  const started = performance.now();
  const deadline = started + load.maxSeconds * 1000;
  let next = 0;
  const caller = async (): Promise<void> => {
    while (next < load.maxCalls && performance.now() < deadline) {
      const index = next++;
      const t0 = performance.now();
      const ok = await load.call(index).catch(() => false);
      samples.push({ ms: performance.now() - t0, ok });
    }
  };
  await Promise.all(Array.from({ length: load.concurrency }, caller));
  return { samples, wallSeconds: (performance.now() - started) / 1000 };
}
