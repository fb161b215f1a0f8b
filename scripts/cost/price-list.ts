// The dated price list (prices-us-east-1.json), read once and checked: a
// price without a source, or with a unit the bill cannot apply, is refused.
import { readFileSync } from 'node:fs';

export interface PriceTier {
  /** Units up to which this rate applies (cumulative); none on the last tier. */
  upTo?: number;
  usd: number;
}

export interface Price {
  /** Dollars for `per` units. */
  usd: number;
  per: number;
  /** Units free every month, always (not a first-year allowance). */
  freePerMonth?: number;
  /** Volume tiers in dollars per `per` units, cheapest last. */
  tiers?: PriceTier[];
  source: string;
  /** Why this price is not confirmed by a source. */
  unsure?: string;
}

export interface PriceList {
  region: string;
  checked: string;
  prices: Record<string, Price>;
  alwaysOn: { name: string; usdPerMonth: number; source: string };
}

export const PRICE_LIST_PATH = new URL('./prices-us-east-1.json', import.meta.url);

export function readPriceList(path: URL | string = PRICE_LIST_PATH): PriceList {
  const list = JSON.parse(readFileSync(path, 'utf8')) as PriceList;
  const problems = Object.entries(list.prices).flatMap(([name, price]) => problemsOf(name, price));
  if (problems.length > 0) throw new Error(`Invalid price list:\n${problems.join('\n')}`);
  return list;
}

function problemsOf(name: string, price: Price): string[] {
  const problems: string[] = [];
  if (!(price.usd >= 0)) problems.push(`${name}: usd must be a number >= 0`);
  if (!(price.per > 0)) problems.push(`${name}: per must be a number > 0`);
  if (!price.source?.trim()) problems.push(`${name}: no source`);
  if (price.tiers && price.tiers.at(-1)?.upTo !== undefined) {
    problems.push(`${name}: the last tier must have no upTo`);
  }
  return problems;
}

/** Monthly dollars for `quantity` units: the free allowance first, then the tiers. */
export function charge(price: Price, quantity: number): number {
  const billable = Math.max(0, quantity - (price.freePerMonth ?? 0));
  const tiers = price.tiers ?? [{ usd: price.usd }];
  let dollars = 0;
  let from = 0;
  for (const tier of tiers) {
    const to = tier.upTo ?? Infinity;
    const units = Math.max(0, Math.min(billable, to) - from);
    dollars += (units / price.per) * tier.usd;
    from = to;
    if (billable <= to) break;
  }
  return dollars;
}
