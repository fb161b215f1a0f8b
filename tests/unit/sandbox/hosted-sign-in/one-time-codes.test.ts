import { createOneTimeCodes } from '../../../../sandbox/hosted-sign-in/one-time-codes';

describe('authorization codes', () => {
  it('give their grant once', () => {
    const codes = createOneTimeCodes<string>();
    const code = codes.issue('grant');

    expect([codes.redeem(code), codes.redeem(code)]).toEqual(['grant', undefined]);
  });

  it('expire after five minutes', () => {
    let now = 0;
    const codes = createOneTimeCodes<string>(() => now);
    const early = codes.issue('early');
    const late = codes.issue('late');

    now = 5 * 60 * 1000 - 1;
    const beforeExpiry = codes.redeem(early);
    now = 5 * 60 * 1000;
    const atExpiry = codes.redeem(late);

    expect([beforeExpiry, atExpiry]).toEqual(['early', undefined]);
  });

  it('are different for every grant', () => {
    const codes = createOneTimeCodes<number>();

    const issued = new Set(Array.from({ length: 100 }, (_, index) => codes.issue(index)));

    expect(issued.size).toBe(100);
  });
});
