import { createTokenBucket } from '../../../../sandbox/rest-gateway/token-bucket';

describe('stage throttling token bucket', () => {
  let clock: number;
  const bucket = () => createTokenBucket({ ratePerSecond: 2, burst: 3, now: () => clock });

  beforeEach(() => {
    clock = 1_000_000;
  });

  it('lets a burst through, then refuses until tokens come back at the rate', () => {
    const throttle = bucket();

    const burst = [throttle.take(), throttle.take(), throttle.take(), throttle.take()];
    clock += 499;
    const tooSoon = throttle.take();
    clock += 1;
    const afterHalfSecond = throttle.take();

    expect(burst).toEqual([true, true, true, false]);
    expect(tooSoon).toBe(false);
    expect(afterHalfSecond).toBe(true);
  });

  it('never holds more than the burst, however long it was idle', () => {
    const throttle = bucket();

    clock += 60_000;
    const taken = Array.from({ length: 5 }, () => throttle.take());

    expect(taken).toEqual([true, true, true, false, false]);
  });
});
