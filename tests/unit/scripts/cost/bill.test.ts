import { monthlyBill } from '../../../../scripts/cost/bill';
import { readPriceList } from '../../../../scripts/cost/price-list';
import type { StackInventory } from '../../../../scripts/cost/stack-inventory';
import { DEFAULT_HABITS, monthlyUsage } from '../../../../scripts/cost/usage';

// One scenario worked out by hand from the published prices and the
// documented assumptions: 10,000 users, the default habits (300 requests,
// 100 messages, 0.1 GB of media a month), a stack with 12 alarms.
const stack: StackInventory = {
  alarms: 12,
  dashboards: 1,
  secrets: 2,
  openSearchDomains: 1,
  openSearchVolumeGiB: 10,
};
const prices = readPriceList();

function lineOf(mau: number, service: string): number {
  const bill = monthlyBill(monthlyUsage({ mau, ...DEFAULT_HABITS }, stack), prices);
  const line = bill.lines.find((candidate) => candidate.service.startsWith(service));
  if (!line) throw new Error(`no ${service} line`);
  return line.usd;
}

describe('the monthly bill at 10,000 users', () => {
  it('charges 3 million REST requests at $3.50 a million', () => {
    expect(lineOf(10_000, 'API Gateway REST')).toBeCloseTo(3_000_000 * (3.5 / 1e6), 6);
  });

  it('charges WebSocket frames (a delivery and a typing frame per message, a ping every 2 minutes) and connection minutes', () => {
    const frames = 10_000 * 100 * 2 + 10_000 * 300 * 0.5;
    const minutes = 10_000 * 300;

    expect(lineOf(10_000, 'API Gateway WebSocket')).toBeCloseTo(
      frames * (1 / 1e6) + minutes * (0.25 / 1e6),
      6,
    );
  });

  it('charges Lambda requests and Arm GB-seconds above the always-free allowance', () => {
    // 3M API + 1M typing + 1.5M pings + 0.9M connect/authorizer/disconnect +
    // 1M worker + 0.6M indexer + 100k uploads + 50 deletions.
    const invocations = 8_100_050;
    const requestDollars = (invocations - 1_000_000) * (0.2 / 1e6);
    const durationDollars = (invocations * 0.05 - 400_000) * 0.0000133334;

    expect(lineOf(10_000, 'Lambda')).toBeCloseTo(requestDollars + durationDollars, 6);
  });

  it('charges one OpenSearch node all month and its 10 GiB of gp3', () => {
    expect(lineOf(10_000, 'OpenSearch')).toBeCloseTo(730 * 0.036 + 10 * 0.122, 6);
  });

  it('charges the alarms, metrics and logs above the free tier, with the alarms counted in the stack', () => {
    const logKb = 8_100_050 * 1 + (3_000_000 + 3_500_000) * 0.5;
    const logGb = logKb / (1024 * 1024);
    const expected = (12 - 10) * 0.1 + (30 - 10) * 0.3 + (logGb - 5) * 0.5 + logGb * 0.03;

    expect(lineOf(10_000, 'CloudWatch')).toBeCloseTo(expected, 6);
  });

  it('charges nothing for Cognito within the 10,000 free MAU, and $0.015 for each one above', () => {
    expect(lineOf(10_000, 'Cognito')).toBe(0);
    expect(lineOf(100_000, 'Cognito')).toBeCloseTo(90_000 * 0.015, 6);
  });

  it('totals its lines', () => {
    const bill = monthlyBill(monthlyUsage({ mau: 10_000, ...DEFAULT_HABITS }, stack), prices);

    expect(bill.totalUsd).toBeCloseTo(
      bill.lines.reduce((sum, line) => sum + line.usd, 0),
      9,
    );
    expect(bill.lines.every((line) => line.usd >= 0)).toBe(true);
  });
});
