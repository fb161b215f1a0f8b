// The bill at several user counts as one Markdown table (pasted into the README).
import type { MonthlyBill } from './bill';

const dollars = (usd: number) =>
  `$${usd.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;

const users = (mau: number) => mau.toLocaleString('en-US');

export function costTable(
  bills: { mau: number; bill: MonthlyBill }[],
  alwaysOn: { name: string; usdPerMonth: number },
): string {
  const header = ['Service', ...bills.map(({ mau }) => `${users(mau)} MAU`)];
  const services = bills[0]?.bill.lines.map((line) => line.service) ?? [];
  const rows = services.map((service, index) => [
    service,
    ...bills.map(({ bill }) => dollars(bill.lines[index]?.usd ?? 0)),
  ]);
  const total = [
    '**Serverless total**',
    ...bills.map(({ bill }) => `**${dollars(bill.totalUsd)}**`),
  ];
  const always = [alwaysOn.name, ...bills.map(() => dollars(alwaysOn.usdPerMonth))];
  return [header, header.map(() => '---'), ...rows, total, always]
    .map((cells) => `| ${cells.join(' | ')} |`)
    .join('\n');
}
