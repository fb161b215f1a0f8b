import { join, resolve } from 'node:path';
import { parseTemplate } from '../../../../sandbox/template/parse';
import type { SandboxModel } from '../../../../sandbox/template/model';
import { templateFixtures } from './template-fixtures';

const TEMPLATE = resolve('template.yaml');
const PROJECT = resolve('.');

const parseFixture = templateFixtures('parse-template');

function functionOf(model: SandboxModel, logicalId: string) {
  const fn = model.functions.find((candidate) => candidate.logicalId === logicalId);
  if (!fn) throw new Error(`no function ${logicalId}`);
  return fn;
}

describe('parseTemplate on template.yaml', () => {
  const model = parseTemplate(TEMPLATE);

  it('reads the app table with its keys, index, stream and TTL attribute', () => {
    const appTable = model.tables.find((table) => table.logicalId === 'AppTable');

    expect(appTable).toEqual({
      logicalId: 'AppTable',
      tableName: 'AppTable',
      attributeDefinitions: expect.arrayContaining([
        { AttributeName: 'GSI1PK', AttributeType: 'S' },
      ]),
      keySchema: [
        { AttributeName: 'PK', KeyType: 'HASH' },
        { AttributeName: 'SK', KeyType: 'RANGE' },
      ],
      globalSecondaryIndexes: [
        {
          IndexName: 'GSI1',
          KeySchema: [
            { AttributeName: 'GSI1PK', KeyType: 'HASH' },
            { AttributeName: 'GSI1SK', KeyType: 'RANGE' },
          ],
          Projection: { ProjectionType: 'ALL' },
        },
      ],
      streamViewType: 'NEW_AND_OLD_IMAGES',
      ttlAttribute: 'expiresAt',
    });
  });

  it('reads the idempotency table without a stream', () => {
    const table = model.tables.find((candidate) => candidate.logicalId === 'IdempotencyTable');

    expect(table?.streamViewType).toBeUndefined();
    expect(table?.ttlAttribute).toBe('expiration');
  });

  it('names the user pool after the stack and keeps its password policy', () => {
    const [pool] = model.userPools;

    expect(pool?.poolName).toBe('mobile-backend-users');
    expect(pool?.usernameAttributes).toEqual(['email']);
    expect(pool?.passwordPolicy).toEqual({
      MinimumLength: 12,
      RequireLowercase: true,
      RequireUppercase: true,
      RequireNumbers: true,
      RequireSymbols: true,
    });
  });

  it("reads the schema's required attributes of the user pool", () => {
    const [pool] = model.userPools;

    expect(pool?.requiredAttributes).toEqual(['email']);
  });

  it('attaches the app client with its auth flows and token lifetimes to the user pool', () => {
    const [pool] = model.userPools;

    expect(pool?.clients).toEqual([
      {
        logicalId: 'UserPoolClient',
        clientName: 'mobile-app',
        explicitAuthFlows: [
          'ALLOW_USER_PASSWORD_AUTH',
          'ALLOW_USER_SRP_AUTH',
          'ALLOW_REFRESH_TOKEN_AUTH',
        ],
        accessTokenValidity: 60,
        idTokenValidity: 60,
        refreshTokenValidity: 30,
        tokenValidityUnits: { AccessToken: 'minutes', IdToken: 'minutes', RefreshToken: 'days' },
        oauth: {
          flows: ['code'],
          scopes: ['openid', 'email', 'profile'],
          callbackUrls: ['myapp://auth/callback'],
          logoutUrls: ['myapp://auth/signout'],
          identityProviders: ['COGNITO'],
        },
      },
    ]);
  });

  it('attaches both groups to the user pool', () => {
    const [pool] = model.userPools;

    expect(pool?.groups.map((group) => group.groupName)).toEqual(['customers', 'providers']);
  });

  it('reads the secrets, the cursor signing one with its generation settings', () => {
    expect(model.secrets).toEqual([
      { logicalId: 'CursorSigningSecret', passwordLength: 64, excludePunctuation: true },
      { logicalId: 'MediaSigningKeySecret' },
    ]);
  });

  it('merges the global environment into each function with the function variables', () => {
    const fn = functionOf(model, 'DataApiFunction');

    expect(fn.environment).toMatchObject({
      POWERTOOLS_SERVICE_NAME: 'mobile-backend',
      POWERTOOLS_LOG_LEVEL: { Ref: 'LogLevel' },
      APP_TABLE_NAME: { Ref: 'AppTable' },
    });
  });

  it('takes runtime, memory and layers from the globals and the timeout from the function', () => {
    const fn = functionOf(model, 'AccountDeletionFunction');

    expect(fn).toMatchObject({
      runtime: 'nodejs24.x',
      memorySizeMb: 512,
      timeoutSeconds: 60,
      layers: ['DomainLayer'],
      handler: 'handler.handler',
      codeUri: join(PROJECT, 'functions/account-deletion'),
    });
  });

  it('keeps the esbuild build properties of a function', () => {
    const fn = functionOf(model, 'DataApiFunction');

    expect(fn.buildProperties).toMatchObject({
      Format: 'esm',
      External: ['@mobile-backend/domain'],
    });
  });

  it('reads the API events with the ANY method', () => {
    const fn = functionOf(model, 'DataApiFunction');

    expect(fn.apiEvents).toEqual([
      { name: 'Me', restApiLogicalId: 'Api', path: '/v1/me', method: 'ANY' },
      { name: 'Items', restApiLogicalId: 'Api', path: '/v1/items', method: 'ANY' },
      { name: 'Item', restApiLogicalId: 'Api', path: '/v1/items/{id}', method: 'ANY' },
      {
        name: 'PublicItem',
        restApiLogicalId: 'Api',
        path: '/v1/public/items/{id}',
        method: 'GET',
        authorizer: 'AWS_IAM',
      },
    ]);
  });

  it('resolves the layer content directory against the template directory', () => {
    expect(model.layers).toEqual([
      { logicalId: 'DomainLayer', contentUri: join(PROJECT, 'layers/domain') },
    ]);
  });

  it('reads the REST API stage, Cognito authorizer, CORS without quotes and throttling', () => {
    const [api] = model.restApis;

    expect(api).toMatchObject({
      logicalId: 'Api',
      stageName: 'api',
      defaultAuthorizer: 'CognitoAuthorizer',
      cognitoAuthorizers: {
        CognitoAuthorizer: {
          userPoolLogicalId: 'UserPool',
          header: 'Authorization',
          reauthorizeEverySeconds: 300,
        },
      },
      cors: {
        allowOrigin: '*',
        allowHeaders:
          'Authorization,Content-Type,Idempotency-Key,If-Match,X-Amz-Date,X-Amz-Security-Token',
        allowMethods: 'GET,POST,PATCH,DELETE,OPTIONS',
        maxAge: '600',
      },
      throttling: { rateLimit: 100, burstLimit: 200 },
    });
  });

  it('reads gateway responses with status, header expressions and body template', () => {
    const [api] = model.restApis;

    expect(api?.gatewayResponses.UNAUTHORIZED).toEqual({
      statusCode: 401,
      headers: {
        'Content-Type': "'application/problem+json'",
        'Access-Control-Allow-Origin': "'*'",
        'X-Request-Id': 'context.requestId',
      },
      template: expect.stringContaining('"status":401'),
    });
  });

  it('reads DEFAULT_5XX without a status, so that each reply keeps its own', () => {
    const [api] = model.restApis;

    expect(api?.gatewayResponses.DEFAULT_5XX).not.toHaveProperty('statusCode');
    expect(api?.gatewayResponses.DEFAULT_5XX?.template).toContain('gateway-error');
  });

  it('keeps the outputs unresolved', () => {
    expect(model.outputs.UserPoolId).toEqual({ Ref: 'UserPool' });
  });

  it('applies parameter overrides to CORS, gateway responses, stage and throttling', () => {
    const overridden = parseTemplate(TEMPLATE, {
      AllowedOrigin: 'https://app.example.com',
      StageName: 'dev',
      ThrottlingRateLimit: '5',
    });

    const [api] = overridden.restApis;
    expect(api?.cors?.allowOrigin).toBe('https://app.example.com');
    expect(api?.gatewayResponses.THROTTLED?.headers['Access-Control-Allow-Origin']).toBe(
      "'https://app.example.com'",
    );
    expect(api?.stageName).toBe('dev');
    expect(api?.throttling?.rateLimit).toBe(5);
  });

  it('rejects an override of a parameter the template does not declare', () => {
    const parse = () => parseTemplate(TEMPLATE, { AllowedOrigins: 'x' });

    expect(parse).toThrow(/no parameter named AllowedOrigins/);
  });
});

describe('parseTemplate on small templates', () => {
  it('lets a function variable win over a global one of the same name', () => {
    const model = parseFixture(`
Globals:
  Function:
    Runtime: nodejs24.x
    Environment:
      Variables: { LEVEL: global, SHARED: global }
Resources:
  Fn:
    Type: AWS::Serverless::Function
    Properties:
      CodeUri: fn/
      Handler: index.handler
      Environment:
        Variables: { LEVEL: own }
`);

    expect(functionOf(model, 'Fn').environment).toEqual({ LEVEL: 'own', SHARED: 'global' });
  });

  it('uses the Lambda defaults of 3 seconds and 128 MB', () => {
    const model = parseFixture(`
Resources:
  Fn:
    Type: AWS::Serverless::Function
    Properties: { CodeUri: fn/, Handler: index.handler, Runtime: nodejs24.x }
`);

    expect(functionOf(model, 'Fn')).toMatchObject({ timeoutSeconds: 3, memorySizeMb: 128 });
  });

  it('places API events without RestApiId on the implicit API with the Prod stage', () => {
    const model = parseFixture(`
Resources:
  Fn:
    Type: AWS::Serverless::Function
    Properties:
      CodeUri: fn/
      Handler: index.handler
      Runtime: nodejs24.x
      Events:
        Public:
          Type: Api
          Properties: { Path: /health, Method: get, Auth: { Authorizer: NONE } }
`);

    expect(functionOf(model, 'Fn').apiEvents).toEqual([
      {
        name: 'Public',
        restApiLogicalId: 'ServerlessRestApi',
        path: '/health',
        method: 'GET',
        authorizer: 'NONE',
      },
    ]);
    expect(model.restApis.map((api) => [api.logicalId, api.stageName])).toEqual([
      ['ServerlessRestApi', 'Prod'],
    ]);
  });

  const apiWithReauthorizeEvery = (value: string) => `
Resources:
  Pool:
    Type: AWS::Cognito::UserPool
  Api:
    Type: AWS::Serverless::Api
    Properties:
      StageName: v1
      Auth:
        Authorizers:
          Cognito:
            UserPoolArn: !GetAtt Pool.Arn
            Identity: { Header: X-Token, ReauthorizeEvery: ${value} }
`;

  const apiWithCors = (cors: string) => `
Resources:
  Api:
    Type: AWS::Serverless::Api
    Properties:
      StageName: v1
      Cors: ${cors}
`;

  it('refuses a Cors key that SAM refuses, before a deploy would', () => {
    expect(() =>
      parseFixture(apiWithCors(`{ AllowOrigin: "'*'", ExposeHeaders: "'ETag'" }`)),
    ).toThrow(/Invalid key 'ExposeHeaders' for 'Cors' property/);
  });

  it('reads AllowCredentials', () => {
    const model = parseFixture(
      apiWithCors(`{ AllowOrigin: "'https://app.example.com'", AllowCredentials: true }`),
    );

    expect(model.restApis[0]?.cors).toEqual({
      allowOrigin: 'https://app.example.com',
      allowHeaders: '',
      allowMethods: '',
      allowCredentials: true,
    });
  });

  it("reads a Cognito authorizer's ReauthorizeEvery, 0 included", () => {
    const cached = parseFixture(apiWithReauthorizeEvery('60'));
    const uncached = parseFixture(apiWithReauthorizeEvery('0'));

    expect(cached.restApis[0]?.cognitoAuthorizers.Cognito).toEqual({
      userPoolLogicalId: 'Pool',
      header: 'X-Token',
      reauthorizeEverySeconds: 60,
    });
    expect(uncached.restApis[0]?.cognitoAuthorizers.Cognito?.reauthorizeEverySeconds).toBe(0);
  });

  it("reads the scopes of an authorizer and of a method's Auth", () => {
    const model = parseFixture(`
Resources:
  Pool:
    Type: AWS::Cognito::UserPool
  Api:
    Type: AWS::Serverless::Api
    Properties:
      StageName: v1
      Auth:
        DefaultAuthorizer: Cognito
        Authorizers:
          Cognito:
            UserPoolArn: !GetAtt Pool.Arn
            AuthorizationScopes: [items/read]
  Fn:
    Type: AWS::Serverless::Function
    Properties:
      CodeUri: fn/
      Handler: app.handler
      Runtime: nodejs24.x
      Events:
        Write:
          Type: Api
          Properties:
            RestApiId: !Ref Api
            Path: /items
            Method: post
            Auth: { AuthorizationScopes: [items/write, admin] }
`);

    expect(model.restApis[0]?.cognitoAuthorizers.Cognito?.authorizationScopes).toEqual([
      'items/read',
    ]);
    expect(model.functions[0]?.apiEvents[0]?.authorizationScopes).toEqual(['items/write', 'admin']);
  });

  it('refuses a ReauthorizeEvery that API Gateway would refuse', () => {
    expect(() => parseFixture(apiWithReauthorizeEvery('3601'))).toThrow(
      /Identity.ReauthorizeEvery must be a whole number of seconds from 0 to 3600/,
    );
  });

  it('uses TableName when the template sets it', () => {
    const model = parseFixture(`
Resources:
  Table:
    Type: AWS::DynamoDB::Table
    Properties:
      TableName: !Sub '\${AWS::StackName}-things'
      AttributeDefinitions: [{ AttributeName: id, AttributeType: S }]
      KeySchema: [{ AttributeName: id, KeyType: HASH }]
`);

    expect(model.tables[0]?.tableName).toBe('mobile-backend-things');
  });

  it('leaves out resources whose condition does not hold', () => {
    const model = parseFixture(`
Parameters:
  Env: { Type: String, Default: dev }
Conditions:
  IsProd: !Equals [!Ref Env, prod]
Resources:
  Audit:
    Type: AWS::DynamoDB::Table
    Condition: IsProd
    Properties:
      AttributeDefinitions: [{ AttributeName: id, AttributeType: S }]
      KeySchema: [{ AttributeName: id, KeyType: HASH }]
`);

    expect(model.tables).toEqual([]);
  });

  it('ignores resource types the sandbox does not run', () => {
    const model = parseFixture(`
Resources:
  Queue:
    Type: AWS::SQS::Queue
`);

    expect(model).toMatchObject({ tables: [], functions: [], userPools: [], restApis: [] });
  });

  it('names the function when its CodeUri is not a local directory', () => {
    const parse = () =>
      parseFixture(`
Resources:
  Fn:
    Type: AWS::Serverless::Function
    Properties:
      CodeUri: { Bucket: b, Key: k }
      Handler: index.handler
      Runtime: nodejs24.x
`);

    expect(parse).toThrow(/Fn\.CodeUri must be a local directory/);
  });
});
