// `npm run cost -- --mau 10000 [--requests-per-user 300] [--messages 100]
// [--media-gb 0.1] [--sms 0]`: the monthly bill per service at 1k, 10k, 100k
// and 1M monthly active users (and at --mau), from the dated price list,
// beside the always-on design's budget.
import { parseArgs } from 'node:util';
import { monthlyBill } from './bill';
import { costTable } from './cost-table';
import { readPriceList } from './price-list';
import { readStackInventory } from './stack-inventory';
import { DEFAULT_HABITS, monthlyUsage, type Scenario } from './usage';

const STANDARD_MAUS = [1_000, 10_000, 100_000, 1_000_000];

export class UsageError extends Error {}

export function scenariosOf(args: string[]): Scenario[] {
  const { values } = parseArgs({
    args,
    options: {
      mau: { type: 'string' },
      'requests-per-user': { type: 'string' },
      messages: { type: 'string' },
      'media-gb': { type: 'string' },
      sms: { type: 'string' },
    },
    strict: true,
  });
  const habits = {
    requestsPerUser: numberOption(
      'requests-per-user',
      values['requests-per-user'],
      DEFAULT_HABITS.requestsPerUser,
    ),
    messagesPerUser: numberOption('messages', values.messages, DEFAULT_HABITS.messagesPerUser),
    mediaGbPerUser: numberOption('media-gb', values['media-gb'], DEFAULT_HABITS.mediaGbPerUser),
    smsPerUser: numberOption('sms', values.sms, DEFAULT_HABITS.smsPerUser),
  };
  const extra = values.mau === undefined ? [] : [numberOption('mau', values.mau, 0)];
  const maus = [...new Set([...STANDARD_MAUS, ...extra])].sort((a, b) => a - b);
  return maus.map((mau) => ({ mau, ...habits }));
}

function numberOption(name: string, text: string | undefined, fallback: number): number {
  if (text === undefined) return fallback;
  const value = Number(text);
  if (text.trim() === '' || !Number.isFinite(value) || value < 0) {
    throw new UsageError(`--${name} must be a number >= 0, not ${JSON.stringify(text)}`);
  }
  return value;
}

export function costReport(args: string[]): string {
  const scenarios = scenariosOf(args);
  const list = readPriceList();
  const stack = readStackInventory();
  const bills = scenarios.map((scenario) => ({
    mau: scenario.mau,
    bill: monthlyBill(monthlyUsage(scenario, stack), list),
  }));
  const [first] = scenarios;
  const unsure = Object.entries(list.prices).filter(([, price]) => price.unsure);
  return [
    `Monthly bill, ${list.region} on-demand prices checked ${list.checked}.`,
    `Per user and month: ${first?.requestsPerUser} REST requests, ${first?.messagesPerUser} messages, ${first?.mediaGbPerUser} GB of media kept, ${first?.smsPerUser} SMS.`,
    `From template.yaml: ${stack.alarms} alarms, ${stack.dashboards} dashboards, ${stack.secrets} secrets, ${stack.openSearchDomains} OpenSearch node(s) with ${stack.openSearchVolumeGiB} GiB.`,
    '',
    costTable(bills, list.alwaysOn),
    '',
    `Unsure prices (see scripts/cost/prices-us-east-1.json): ${unsure.map(([name]) => name).join(', ') || 'none'}.`,
  ].join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  try {
    console.log(costReport(process.argv.slice(2)));
  } catch (error) {
    if (!(
      error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')
    ))
      throw error;
    console.error((error as Error).message);
    process.exitCode = 2;
  }
}
