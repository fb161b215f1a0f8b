import { combineLoads, ratioVerdict } from '../../../bench/lib/stats';

describe('latency ratios against a baseline', () => {
  it('says the ratio, both latencies and that the target is met', () => {
    expect(ratioVerdict('GET p50 vs GetItem p50', 5, 2, 2.5)).toBe(
      '- GET p50 vs GetItem p50: 2.50× (5.00 ms against 2.00 ms; target ≤ 2.5×): met',
    );
  });

  it('says when the ratio is over its target', () => {
    expect(ratioVerdict('frame vs SQS', 60, 5, 10)).toMatch(/: 12\.00× .*NOT met$/);
  });

  it('never calls a ratio without a baseline met', () => {
    expect(ratioVerdict('frame vs SQS', 60, 0, 10)).toMatch(/NOT met$/);
  });
});

describe('loads combined from interleaved runs', () => {
  it('keeps every latency and counts calls over the summed time of the runs', () => {
    const fast = { latencies: [1, 2], throughput: 2 }; // 2 calls in 1 s
    const slow = { latencies: [3, 4, 5, 6], throughput: 1 }; // 4 calls in 4 s

    const combined = combineLoads([fast, slow]);

    expect(combined.latencies).toEqual([1, 2, 3, 4, 5, 6]);
    expect(combined.throughput).toBeCloseTo(6 / 5);
  });
});
