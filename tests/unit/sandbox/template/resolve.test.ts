import { resolve } from 'node:path';
import { functionResources } from '../../../../sandbox/template/local-resources';
import { parseTemplate } from '../../../../sandbox/template/parse';
import { LOCAL_PSEUDO_PARAMETERS } from '../../../../sandbox/template/pseudo-parameters';
import {
  resolveEnvironment,
  resolveOutputs,
  resolveValue,
} from '../../../../sandbox/template/resolve';
import type { ResolveContext } from '../../../../sandbox/template/resolve';
import type { FunctionSpec } from '../../../../sandbox/template/model';

const SECRET_ARN = 'arn:aws:secretsmanager:us-east-1:000000000000:secret:CursorSigningSecret-local';

function context(overrides: Partial<ResolveContext> = {}): ResolveContext {
  return {
    parameters: { StageName: 'api', Env: 'dev' },
    resources: {
      AppTable: {
        ref: 'AppTable',
        attributes: { Arn: 'arn:aws:dynamodb:us-east-1:000000000000:table/AppTable' },
      },
      UserPool: {
        ref: 'local_pool',
        attributes: { Arn: 'arn:pool', ProviderURL: 'http://127.0.0.1:9229/local_pool' },
      },
      CursorSigningSecret: { ref: SECRET_ARN, attributes: {} },
    },
    pseudo: LOCAL_PSEUDO_PARAMETERS,
    secrets: (idOrArn) =>
      ({ [SECRET_ARN]: 'signing-key', 'app-config': '{"apiKey":"k1","retries":3}' })[idOrArn],
    conditions: { IsProd: { 'Fn::Equals': [{ Ref: 'Env' }, 'prod'] } },
    ...overrides,
  };
}

describe('resolveValue', () => {
  it('substitutes parameters, pseudo parameters and resource attributes in Fn::Sub', () => {
    const value = { 'Fn::Sub': '${AWS::Region}/${StageName}/${AppTable}/${UserPool.Arn}' };

    const resolved = resolveValue(value, context());

    expect(resolved).toBe('us-east-1/api/AppTable/arn:pool');
  });

  it('keeps ${!Literal} in Fn::Sub as the literal ${Literal}', () => {
    const value = { 'Fn::Sub': '${!Literal}-${StageName}' };

    const resolved = resolveValue(value, context());

    expect(resolved).toBe('${Literal}-api');
  });

  it('prefers the variable map of Fn::Sub over parameters', () => {
    const value = {
      'Fn::Sub': ['${StageName}:${Table}', { StageName: 'v2', Table: { Ref: 'AppTable' } }],
    };

    const resolved = resolveValue(value, context());

    expect(resolved).toBe('v2:AppTable');
  });

  it('resolves Fn::GetAtt given as a list', () => {
    const value = { 'Fn::GetAtt': ['UserPool', 'ProviderURL'] };

    const resolved = resolveValue(value, context());

    expect(resolved).toBe('http://127.0.0.1:9229/local_pool');
  });

  it('resolves a dynamic reference to a secret by its ARN from Fn::Sub', () => {
    const value = { 'Fn::Sub': '{{resolve:secretsmanager:${CursorSigningSecret}:SecretString}}' };

    const resolved = resolveValue(value, context());

    expect(resolved).toBe('signing-key');
  });

  it('resolves a dynamic reference to one key of a JSON secret', () => {
    const value = 'key={{resolve:secretsmanager:app-config:SecretString:retries}}';

    const resolved = resolveValue(value, context());

    expect(resolved).toBe('key=3');
  });

  it('names the secret when a dynamic reference points to an unknown one', () => {
    const resolveUnknown = () =>
      resolveValue('{{resolve:secretsmanager:missing:SecretString}}', context(), 'X');

    expect(resolveUnknown).toThrow(/secret missing, which is not defined locally/);
  });

  it('names the missing resource and the referrer for a Ref to a resource that is not running', () => {
    const resolveMissing = () =>
      resolveValue(
        { Ref: 'AccountDeletionFunction' },
        context(),
        'DataApiFunction environment variable FN',
      );

    expect(resolveMissing).toThrow(
      'DataApiFunction environment variable FN refers to AccountDeletionFunction (!Ref), which is neither a parameter nor a resource running locally',
    );
  });

  it('lists the known attributes when Fn::GetAtt asks for an unknown one', () => {
    const resolveMissing = () =>
      resolveValue({ 'Fn::GetAtt': ['AppTable', 'StreamArn'] }, context(), 'output S');

    expect(resolveMissing).toThrow(/AppTable has only these attributes: Arn/);
  });

  it('joins, selects and splits', () => {
    const value = {
      'Fn::Join': [
        '-',
        [{ 'Fn::Select': [1, { 'Fn::Split': [',', 'a,b,c'] }] }, { Ref: 'StageName' }],
      ],
    };

    const resolved = resolveValue(value, context());

    expect(resolved).toBe('b-api');
  });

  it('takes the false branch of Fn::If and drops AWS::NoValue from a map', () => {
    const value = {
      Size: { 'Fn::If': ['IsProd', 'large', 'small'] },
      Replica: { 'Fn::If': ['IsProd', 'yes', { Ref: 'AWS::NoValue' }] },
    };

    const resolved = resolveValue(value, context());

    expect(resolved).toEqual({ Size: 'small' });
  });
});

describe('resolveEnvironment and resolveOutputs on template.yaml', () => {
  const model = parseTemplate(resolve('template.yaml'));
  const ctx = context({
    parameters: model.parameters,
    resources: {
      ...context().resources,
      IdempotencyTable: { ref: 'IdempotencyTable', attributes: {} },
      UserPoolClient: { ref: 'client123', attributes: {} },
      IdentityPool: { ref: 'us-east-1:identity-pool', attributes: {} },
      ...functionResources(model, LOCAL_PSEUDO_PARAMETERS),
      Api: { ref: 'localapi', attributes: {} },
      MessageQueue: { ref: 'http://sqs.local/000000000000/MessageQueue', attributes: {} },
      MessageDeadLetterQueue: { ref: 'http://sqs.local/000000000000/Dlq', attributes: {} },
      MediaBucket: { ref: 'media-000000000000-local', attributes: {} },
      MediaDistribution: { ref: 'E1', attributes: { DomainName: 'd1.cloudfront.net' } },
      AccessLogBucket: { ref: 'access-logs-000000000000-local', attributes: {} },
      WebSocketApi: { ref: 'localws', attributes: {} },
      SearchIndexFailureQueue: { ref: 'http://sqs.local/000000000000/Search', attributes: {} },
      SearchDomain: { ref: 'searchdomain', attributes: { DomainEndpoint: 'search.local:443' } },
      AccountErasureStateMachine: {
        ref: 'arn:aws:states:us-east-1:000000000000:stateMachine:Erasure',
        attributes: {},
      },
      MediaProcessingDeadLetterQueue: {
        ref: 'http://sqs.local/000000000000/Media',
        attributes: {},
      },
    },
    conditions: model.conditions,
  });

  function dataApiFunction(): FunctionSpec {
    const fn = model.functions.find((candidate) => candidate.logicalId === 'DataApiFunction');
    if (!fn) throw new Error('DataApiFunction is missing');
    return fn;
  }

  it('resolves every environment variable of the data API function to a string', () => {
    const fn = dataApiFunction();

    const environment = resolveEnvironment(fn, ctx);

    expect(environment).toMatchObject({
      POWERTOOLS_LOG_LEVEL: 'INFO',
      ALLOWED_ORIGIN: '*',
      APP_TABLE_NAME: 'AppTable',
      IDEMPOTENCY_TABLE_NAME: 'IdempotencyTable',
      CURSOR_SIGNING_SECRET_ARN: SECRET_ARN,
      ACCOUNT_ERASURE_STATE_MACHINE_ARN:
        'arn:aws:states:us-east-1:000000000000:stateMachine:Erasure',
    });
  });

  it('turns numbers into strings', () => {
    const fn = { ...dataApiFunction(), environment: { RETRIES: 3 } };

    const environment = resolveEnvironment(fn, ctx);

    expect(environment).toEqual({ RETRIES: '3' });
  });

  it('resolves the outputs', () => {
    const outputs = resolveOutputs(model, ctx);

    expect(outputs).toEqual({
      ApiUrl: 'https://localapi.execute-api.us-east-1.amazonaws.com/api',
      UserPoolId: 'local_pool',
      UserPoolClientId: 'client123',
      AppTableName: 'AppTable',
      IdempotencyTableName: 'IdempotencyTable',
      MessageQueueUrl: 'http://sqs.local/000000000000/MessageQueue',
      MessageDeadLetterQueueUrl: 'http://sqs.local/000000000000/Dlq',
      MediaBucketName: 'media-000000000000-local',
      MediaDistributionDomain: 'd1.cloudfront.net',
      MediaDistributionId: 'E1',
      AccessLogBucketName: 'access-logs-000000000000-local',
      WebSocketUrl: 'wss://localws.execute-api.us-east-1.amazonaws.com/api',
      SearchDomainEndpoint: 'https://search.local:443',
      SearchIndexFailureQueueUrl: 'http://sqs.local/000000000000/Search',
      AccountErasureStateMachineArn: 'arn:aws:states:us-east-1:000000000000:stateMachine:Erasure',
      MediaProcessingFailureQueueUrl: 'http://sqs.local/000000000000/Media',
      IdentityPoolId: 'us-east-1:identity-pool',
    });
  });
});
