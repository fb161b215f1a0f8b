import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { costReport, scenariosOf, UsageError } from '../../../../scripts/cost/cli';
import { readStackInventory } from '../../../../scripts/cost/stack-inventory';

describe('npm run cost options', () => {
  it('adds --mau to the 1k, 10k, 100k and 1M scenarios, in order', () => {
    expect(scenariosOf(['--mau', '25000']).map((s) => s.mau)).toEqual([
      1_000, 10_000, 25_000, 100_000, 1_000_000,
    ]);
  });

  it('applies the habits to every scenario', () => {
    const scenarios = scenariosOf([
      '--requests-per-user',
      '50',
      '--messages',
      '7',
      '--media-gb',
      '2',
    ]);

    expect(scenarios.every((s) => s.requestsPerUser === 50 && s.messagesPerUser === 7)).toBe(true);
    expect(scenarios[0]?.mediaGbPerUser).toBe(2);
  });

  it.each([['--messages', 'many'], ['--mau=-5'], ['--media-gb', '']])(
    'refuses %s as a usage error',
    (...args) => {
      expect(() => scenariosOf(args)).toThrow(UsageError);
    },
  );

  it('prints a row per service, the totals and the always-on budget', () => {
    const report = costReport(['--mau', '10000']);

    expect(report).toContain('| Service | 1,000 MAU | 10,000 MAU | 100,000 MAU | 1,000,000 MAU |');
    expect(report).toMatch(/\| \*\*Serverless total\*\* \| \*\*\$[\d,.]+\*\*/);
    expect(report).toContain('| Always-on EC2 + RDS + ElastiCache + ELB | $904.95 |');
  });
});

describe('the stack inventory', () => {
  it('counts alarms, dashboards and secrets and reads the search volume default', () => {
    const template = join(mkdtempSync(join(tmpdir(), 'inventory-')), 'template.yaml');
    writeFileSync(
      template,
      [
        'Parameters:',
        '  OpenSearchVolumeGiB: { Type: Number, Default: 20 }',
        'Resources:',
        '  A: { Type: AWS::CloudWatch::Alarm }',
        '  B: { Type: AWS::CloudWatch::Alarm }',
        '  Board: { Type: AWS::CloudWatch::Dashboard }',
        '  Key: { Type: AWS::SecretsManager::Secret }',
      ].join('\n'),
    );

    expect(readStackInventory(template)).toEqual({
      alarms: 2,
      dashboards: 1,
      secrets: 1,
      openSearchDomains: 0,
      openSearchVolumeGiB: 20,
    });
  });
});
