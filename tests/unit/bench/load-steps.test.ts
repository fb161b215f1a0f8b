import { kneeOf, stepFigures, type StepFigures } from '../../../bench/lib/load-steps';

const step = (concurrency: number, throughput: number): StepFigures => ({
  concurrency,
  calls: 100,
  errors: 0,
  p50: 1,
  p99: 2,
  throughput,
});

describe('load step figures', () => {
  it('counts failed calls as errors and leaves them out of the throughput', () => {
    const samples = [
      { ms: 10, ok: true },
      { ms: 20, ok: false },
      { ms: 30, ok: true },
      { ms: 40, ok: true },
    ];

    const figures = stepFigures(4, samples, 0.5);

    expect(figures).toEqual({
      concurrency: 4,
      calls: 4,
      errors: 1,
      p50: 20,
      p99: 40,
      throughput: 6,
    });
  });

  it('gives no throughput for a step that took no time', () => {
    expect(stepFigures(1, [], 0).throughput).toBe(0);
  });
});

describe('the knee of a load run', () => {
  it('is the first step that no step with more concurrency beats by 10% or more', () => {
    const steps = [step(1, 100), step(2, 190), step(4, 300), step(8, 320), step(16, 329)];

    expect(kneeOf(steps)?.concurrency).toBe(4);
  });

  it('is found where throughput falls, not only where it stalls', () => {
    const steps = [step(1, 100), step(2, 180), step(4, 150)];

    expect(kneeOf(steps)?.concurrency).toBe(2);
  });

  it('passes over a dip that a later step makes up for', () => {
    const steps = [step(1, 100), step(2, 150), step(4, 145), step(8, 200), step(16, 205)];

    expect(kneeOf(steps)?.concurrency).toBe(8);
  });

  it('is not reached while every step adds throughput', () => {
    const steps = [step(1, 100), step(2, 200), step(4, 400)];

    expect(kneeOf(steps)).toBeUndefined();
  });

  it('takes the gain that counts as growth', () => {
    const steps = [step(1, 100), step(2, 130)];

    expect(kneeOf(steps, 0.5)?.concurrency).toBe(1);
    expect(kneeOf(steps, 0.2)).toBeUndefined();
  });
});
