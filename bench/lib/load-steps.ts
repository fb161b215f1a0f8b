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
 * The knee: the last step after which the next one (more concurrency) adds
 * less than `minGain` of throughput, so that only latency grows beyond it.
 * Undefined when throughput still grows at the last step.
 */
export function kneeOf(steps: readonly StepFigures[], minGain = 0.1): StepFigures | undefined {
  for (let i = 1; i < steps.length; i++) {
    const before = steps[i - 1] as StepFigures;
    const after = steps[i] as StepFigures;
    if (after.throughput < before.throughput * (1 + minGain)) return before;
  }
  return undefined;
}
