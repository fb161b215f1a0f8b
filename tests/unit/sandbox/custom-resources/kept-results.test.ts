import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  keptPolicyReach,
  keptResults,
  type KeptResultsOptions,
  type KeptState,
  type PolicyReach,
} from '../../../../sandbox/custom-resources/kept-results';

const secretArn = 'arn:aws:secretsmanager:us-east-1:000000000000:secret:Key-local';
const properties = { ServiceToken: 'arn:aws:lambda:::function:f', SecretId: secretArn };
const physical = { ref: 'key-1', attributes: { PublicKey: 'public' } };

let dir = '';
let secretValues: Record<string, string> = {};
let stateIds: Record<string, string> = {};
let code = 'the function as built';
const options = (
  secrets: readonly string[] | undefined,
  services: readonly string[] = [],
): KeptResultsOptions => ({
  file: join(dir, 'custom-resources.json'),
  reachOf: () => secrets && { secrets, services },
  secretValue: (id) => secretValues[id],
  stateOf: (service) => stateIds[service],
  codeOf: () => code,
});

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'kept-results-'));
  secretValues = { [secretArn]: 'private key written by the Create' };
  stateIds = { sns: 'the platform applications as the Create left them' };
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

  it('keeps a result while the kept state its function may change is the one the Create changed', () => {
    keptResults(options([secretArn], ['sns'])).remember('App', properties, physical);

    expect(keptResults(options([secretArn], ['sns'])).find('App', properties)).toEqual(physical);
  });

  it('creates again when a state its function may change was made afresh since', () => {
    keptResults(options([secretArn], ['sns'])).remember('App', properties, physical);
    stateIds.sns = 'a new state: the file was deleted';

    expect(keptResults(options([secretArn], ['sns'])).find('App', properties)).toBeUndefined();
  });

  it('creates again when a service its function may change keeps no state now', () => {
    keptResults(options([secretArn], ['sns'])).remember('App', properties, physical);
    stateIds = {};

    expect(keptResults(options([secretArn], ['sns'])).find('App', properties)).toBeUndefined();
  });

  it('keeps nothing when a service its function may change keeps no state', () => {
    keptResults(options([secretArn], ['sqs'])).remember('App', properties, physical);

    expect(keptResults(options([secretArn], ['sqs'])).find('App', properties)).toBeUndefined();
  });

  it('keeps nothing for a function that may use more than Secrets Manager', () => {
    keptResults(options(undefined)).remember('Pair', properties, physical);

    expect(keptResults(options(undefined)).find('Pair', properties)).toBeUndefined();
  });
});

const snsState: KeptState = {
  id: 'state',
  actions: ['sns:CreatePlatformApplication', 'sns:DeletePlatformApplication'],
};
const reachOf = (policies: unknown): PolicyReach | undefined =>
  keptPolicyReach(policies, { sns: snsState });

describe('what policies let a function change, when all of it is kept', () => {
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

    expect(reachOf(policies)).toEqual({ secrets: [secretArn, `${secretArn}2`], services: [] });
  });

  it('name the services whose kept state keeps the actions they allow, on any resource', () => {
    const policies = [
      {
        Statement: [
          { Effect: 'Allow', Action: 'secretsmanager:GetSecretValue', Resource: secretArn },
          { Effect: 'Allow', Action: 'sns:CreatePlatformApplication', Resource: '*' },
          {
            Effect: 'Allow',
            Action: ['SNS:deletePlatformApplication'],
            Resource: ['arn:aws:sns:us-east-1:000000000000:app/GCM/android'],
          },
        ],
      },
    ];

    expect(reachOf(policies)).toEqual({ secrets: [secretArn], services: ['sns'] });
  });

  it.each([
    [
      'a service that keeps no state',
      [{ Statement: [{ Effect: 'Allow', Action: 'sqs:SendMessage', Resource: '*' }] }],
    ],
    [
      'an action whose effects the kept state does not keep',
      [{ Statement: [{ Effect: 'Allow', Action: 'sns:CreatePlatformEndpoint', Resource: '*' }] }],
    ],
    [
      'every action of a kept service',
      [{ Statement: [{ Effect: 'Allow', Action: 'sns:*', Resource: '*' }] }],
    ],
    [
      'Secrets Manager and SNS in one statement',
      [
        {
          Statement: [
            {
              Effect: 'Allow',
              Action: ['secretsmanager:PutSecretValue', 'sns:CreatePlatformApplication'],
              Resource: secretArn,
            },
          ],
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
    expect(reachOf(policies)).toBeUndefined();
  });
});
