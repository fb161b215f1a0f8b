import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseTemplate } from '../../../sandbox/template/parse';

// `sam local invoke|start-api --env-vars events/env.json` overrides only the
// variables the template declares for a function (Globals included) and
// silently drops the rest: a dropped AWS_ENDPOINT_URL_* would send a local
// invocation to the real AWS service.
const root = resolve(import.meta.dirname ?? new URL('.', import.meta.url).pathname, '../../..');
const model = parseTemplate(join(root, 'template.yaml'));
const envVars = JSON.parse(readFileSync(join(root, 'events', 'env.json'), 'utf8')) as Record<
  string,
  Record<string, string>
>;
const declared = (logicalId: string): string[] =>
  Object.keys(model.functions.find((fn) => fn.logicalId === logicalId)?.environment ?? {});

describe('events/env.json for sam local', () => {
  it('sets, for every function, only variables the template declares for it', () => {
    const dropped = Object.entries(envVars).flatMap(([name, variables]) => {
      const targets = name === 'Parameters' ? model.functions.map((fn) => fn.logicalId) : [name];
      return targets.flatMap((logicalId) =>
        Object.keys(variables)
          .filter((variable) => !declared(logicalId).includes(variable))
          .map((variable) => `${logicalId}.${variable}`),
      );
    });

    expect(dropped).toEqual([]);
  });

  it('points every AWS service the functions call at the sandbox', () => {
    const endpoints = Object.keys(envVars.Parameters ?? {}).filter((name) =>
      name.startsWith('AWS_ENDPOINT_URL_'),
    );

    expect(endpoints.sort()).toEqual(
      [
        'AWS_ENDPOINT_URL_CLOUDSEARCH_DOMAIN',
        'AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER',
        'AWS_ENDPOINT_URL_DYNAMODB',
        'AWS_ENDPOINT_URL_LAMBDA',
        'AWS_ENDPOINT_URL_S3',
        'AWS_ENDPOINT_URL_SECRETS_MANAGER',
        'AWS_ENDPOINT_URL_SFN',
        'AWS_ENDPOINT_URL_SNS',
        'AWS_ENDPOINT_URL_SQS',
      ].sort(),
    );
  });
});
