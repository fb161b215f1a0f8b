import { percentile } from './stats';

// Figures of a load run at rising concurrency: per step, and where adding
// concurrency stops adding throughput.

export interface CallSample {
  /** Milliseconds from the call's start to its answer (or its failure). */
  ms: number;
  ok: boolean;
}

export interface StepFigures {
  concurrency: number;
  calls: number;
  errors: number;
  p50: number;
  p99: number;
  /** Successful calls per second of the step's wall time. */
  throughput: number;
}

/** One step's figures: latency over every call, throughput over the successful ones. */
export function stepFigures(
  concurrency: number,
  samples: readonly CallSample[],
  wallSeconds: number,
): StepFigures {
  const ms = samples.map((sample) => sample.ms);
  const ok = samples.filter((sample) => sample.ok).length;
  return {
    concurrency,
    calls: samples.length,
    errors: samples.length - ok,
    p50: percentile(ms, 50),
    p99: percentile(ms, 99),
    throughput: wallSeconds > 0 ? ok / wallSeconds : 0,
  };
}

/**
 * The knee: the first step that no later step (more concurrency) beats by
 * `minGain` or more of throughput, so that beyond it only latency grows. A
 * dip that a later step makes up for is noise, not the knee. Undefined when
 * the last step still beats every step before it by that much.
 */
export function kneeOf(steps: readonly StepFigures[], minGain = 0.1): StepFigures | undefined {
  for (let i = 0; i < steps.length - 1; i++) {
    const step = steps[i] as StepFigures;
    const best = Math.max(...steps.slice(i + 1).map((later) => later.throughput));
    if (best < step.throughput * (1 + minGain)) return step;
  }
  return undefined;
}
