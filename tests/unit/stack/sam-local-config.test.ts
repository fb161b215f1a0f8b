import { readFileSync } from 'node:fs';
import { configurationChecks, type Environment } from '../../support/function-configs';
import { parseTemplate } from '../../../sandbox/template/parse';

// `sam local invoke F --env-vars events/env.json` starts F with the variables
// the template declares for it: a literal value as written, a `!Ref` of a
// parameter as its default, any other intrinsic as nothing (sam local cannot
// resolve a stack's resources), then env.json's values on top, and the
// runtime's own AWS_REGION. Every function must pass its cold-start
// configuration check with exactly that.
const model = parseTemplate('template.yaml', {
  ApnsCredentialsSecretArn: 'arn:aws:secretsmanager:us-east-1:123456789012:secret:apns-AbCdEf',
});
const envJson = JSON.parse(readFileSync('events/env.json', 'utf8')) as Record<
  string,
  Record<string, string>
>;

function asSamLocalResolves(value: unknown): string {
  if (typeof value === 'string') return value;
  const ref = (value as { Ref?: unknown }).Ref;
  return typeof ref === 'string' ? (model.parameters[ref] ?? '') : '';
}

function samLocalEnvironment(logicalId: string): Environment {
  const fn = model.functions.find((candidate) => candidate.logicalId === logicalId);
  const declared = Object.entries(fn?.environment ?? {});
  const overrides = { ...envJson.Parameters, ...envJson[logicalId] };
  return {
    AWS_REGION: 'us-east-1',
    ...Object.fromEntries(
      declared.map(([name, value]) => [name, overrides[name] ?? asSamLocalResolves(value)]),
    ),
  };
}

describe('every function under sam local with events/env.json', () => {
  it('has a configuration check listed here', () => {
    expect(Object.keys(configurationChecks).sort()).toEqual(
      model.functions.map((fn) => fn.logicalId).sort(),
    );
  });

  it.each(Object.entries(configurationChecks))(
    '%s passes its configuration check',
    (logicalId, read) => {
      if (read === 'reads no configuration') return;

      expect(() => read(samLocalEnvironment(logicalId))).not.toThrow();
    },
  );
});
