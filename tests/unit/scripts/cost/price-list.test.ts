import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SERVICES } from '../../../../scripts/cost/bill';
import { charge, readPriceList, type Price } from '../../../../scripts/cost/price-list';

describe('charge', () => {
  const price: Price = {
    usd: 2,
    per: 1_000,
    freePerMonth: 500,
    tiers: [{ upTo: 1_500, usd: 2 }, { usd: 1 }],
    source: 'a test',
  };

  it('bills nothing within the free allowance', () => {
    expect(charge(price, 500)).toBe(0);
  });

  it('bills what is above the allowance at each tier’s rate', () => {
    // 2,500 billable: 1,500 at $2 per 1,000, then 1,000 at $1 per 1,000.
    expect(charge(price, 3_000)).toBeCloseTo(3 + 1, 9);
  });

  it('bills a price without tiers at its one rate', () => {
    expect(charge({ usd: 0.25, per: 1_000_000, source: 'a test' }, 3_000_000)).toBeCloseTo(0.75, 9);
  });
});

describe('the price list', () => {
  const list = readPriceList();

  it('is dated and names where every price was read', () => {
    expect(list.checked).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(Object.values(list.prices).filter((p) => p.source.trim().length < 10)).toEqual([]);
  });

  it('has a price for every bill line, and no price that no line uses', () => {
    const used = SERVICES.flatMap((service) => service.prices).sort();

    expect(Object.keys(list.prices).sort()).toEqual(used);
  });

  it('compares with the always-on design’s budget of $904.95 a month', () => {
    expect(list.alwaysOn.usdPerMonth).toBe(904.95);
  });

  it('refuses a price without a source', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'prices-')), 'prices.json');
    writeFileSync(
      file,
      JSON.stringify({ ...list, prices: { sqsRequests: { usd: 0.4, per: 1e6, source: '' } } }),
    );

    expect(() => readPriceList(file)).toThrow('sqsRequests: no source');
  });
});
