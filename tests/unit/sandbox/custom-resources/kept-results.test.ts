import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  keptResults,
  secretsOnlyPolicies,
  type KeptResultsOptions,
} from '../../../../sandbox/custom-resources/kept-results';

const secretArn = 'arn:aws:secretsmanager:us-east-1:000000000000:secret:Key-local';
const properties = { ServiceToken: 'arn:aws:lambda:::function:f', SecretId: secretArn };
const physical = { ref: 'key-1', attributes: { PublicKey: 'public' } };

let dir = '';
let secretValues: Record<string, string> = {};
let code = 'the function as built';
const options = (secrets: readonly string[] | undefined): KeptResultsOptions => ({
  file: join(dir, 'custom-resources.json'),
  secretsOf: () => secrets,
  secretValue: (id) => secretValues[id],
  codeOf: () => code,
});

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'kept-results-'));
  secretValues = { [secretArn]: 'private key written by the Create' };
  code = 'the function as built';
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('custom resource results kept between starts', () => {
  it('keeps a result while the properties and the secrets are as the Create left them', () => {
    keptResults(options([secretArn])).remember('Pair', properties, physical);

    expect(keptResults(options([secretArn])).find('Pair', { ...properties })).toEqual(physical);
  });

  it('creates again when a property changed', () => {
    keptResults(options([secretArn])).remember('Pair', properties, physical);

    expect(
      keptResults(options([secretArn])).find('Pair', { ...properties, Generation: '2' }),
    ).toBeUndefined();
  });

  it('creates again when a secret its function may use changed since', () => {
    keptResults(options([secretArn])).remember('Pair', properties, physical);
    secretValues[secretArn] = 'another value';

    expect(keptResults(options([secretArn])).find('Pair', properties)).toBeUndefined();
  });

  it('creates again when its function was built from other code since', () => {
    keptResults(options([secretArn])).remember('Pair', properties, physical);
    code = 'the function rebuilt after an edit';

    expect(keptResults(options([secretArn])).find('Pair', properties)).toBeUndefined();
  });

  it('keeps nothing when a secret its function may use is not a local one', () => {
    const elsewhere = `${secretArn}-elsewhere`;
    keptResults(options([secretArn, elsewhere])).remember('Pair', properties, physical);

    expect(keptResults(options([secretArn, elsewhere])).find('Pair', properties)).toBeUndefined();
  });

  it('creates again when a secret its function may use is gone', () => {
    keptResults(options([secretArn])).remember('Pair', properties, physical);
    secretValues = {};

    expect(keptResults(options([secretArn])).find('Pair', properties)).toBeUndefined();
  });

  it('keeps nothing for a function that may use more than Secrets Manager', () => {
    keptResults(options(undefined)).remember('Pair', properties, physical);

    expect(keptResults(options(undefined)).find('Pair', properties)).toBeUndefined();
  });
});

describe('policies that allow Secrets Manager only', () => {
  it('name the secrets of their statements', () => {
    const policies = [
      {
        Statement: [
          { Effect: 'Allow', Action: 'secretsmanager:PutSecretValue', Resource: secretArn },
          {
            Effect: 'Allow',
            Action: ['secretsmanager:GetSecretValue'],
            Resource: [`${secretArn}2`],
          },
        ],
      },
    ];

    expect(secretsOnlyPolicies(policies)).toEqual([secretArn, `${secretArn}2`]);
  });

  it.each([
    [
      'another service',
      [
        {
          Statement: [{ Effect: 'Allow', Action: 'sns:CreatePlatformApplication', Resource: '*' }],
        },
      ],
    ],
    [
      'every secret',
      [
        {
          Statement: [{ Effect: 'Allow', Action: 'secretsmanager:PutSecretValue', Resource: '*' }],
        },
      ],
    ],
    [
      'secrets matched by a pattern',
      [
        {
          Statement: [
            {
              Effect: 'Allow',
              Action: 'secretsmanager:PutSecretValue',
              Resource: 'arn:aws:secretsmanager:us-east-1:000000000000:secret:Key-??????',
            },
          ],
        },
      ],
    ],
    ['a policy template', [{ DynamoDBCrudPolicy: { TableName: 'Items' } }]],
    ['a managed policy', ['arn:aws:iam::aws:policy/AdministratorAccess']],
    ['no policies', undefined],
  ])('say nothing for %s', (_what, policies) => {
    expect(secretsOnlyPolicies(policies)).toBeUndefined();
  });
});
