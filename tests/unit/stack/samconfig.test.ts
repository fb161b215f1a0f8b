import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse } from 'smol-toml';
import { parseTemplate } from '../../../sandbox/template/parse';

// CloudFormation refuses a deploy whose parameter overrides name a parameter
// the template lacks, or a value it does not allow: every environment of
// samconfig.toml must deploy as it is, the first guided deploy included.
const root = resolve(import.meta.dirname ?? new URL('.', import.meta.url).pathname, '../../..');
const templatePath = join(root, 'template.yaml');
type Environment = Record<string, { parameters?: Record<string, unknown> }>;
const samconfig = parse(readFileSync(join(root, 'samconfig.toml'), 'utf8')) as Record<
  string,
  unknown
>;
const environments = Object.entries(samconfig).filter(
  (entry): entry is [string, Environment] => typeof entry[1] === 'object',
);
const deployed = environments.filter(([, commands]) => commands.deploy?.parameters);

/** `Name="value" Other="value"`, as sam deploy --guided writes parameter_overrides. */
function overridesOf(commands: Environment): Record<string, string> {
  const text = String(commands.deploy?.parameters?.parameter_overrides ?? '');
  return Object.fromEntries(
    [...text.matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)].map(([, name = '', value = '']) => [
      name,
      value,
    ]),
  );
}

describe.each(deployed)('samconfig.toml environment %s', (_name, commands) => {
  const deploy = commands.deploy?.parameters ?? {};

  it('overrides only parameters of template.yaml, with values they allow', () => {
    expect(() => parseTemplate(templatePath, overridesOf(commands))).not.toThrow();
  });

  it('deploys without questions a new account cannot answer: IAM capability, managed bucket, a confirmed change set', () => {
    expect([deploy.capabilities, deploy.resolve_s3, deploy.confirm_changeset]).toEqual([
      'CAPABILITY_IAM',
      true,
      true,
    ]);
  });
});

describe('the stacks of samconfig.toml in one account', () => {
  it('set the account-wide API Gateway CloudWatch role from one stack only', () => {
    const creators = deployed.filter(
      ([, commands]) => overridesOf(commands).ApiGatewayCloudWatchRole !== 'existing',
    );

    expect(creators.map(([name]) => name)).toEqual(['default']);
  });

  it('each have a stack name of their own', () => {
    const names = deployed.map(([, commands]) => commands.global?.parameters?.stack_name);

    expect(new Set(names).size).toBe(deployed.length);
  });
});
