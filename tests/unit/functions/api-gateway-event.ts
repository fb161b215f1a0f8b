import type { APIGatewayProxyEvent, Context } from 'aws-lambda';

/** A REST API proxy event shaped like `sam local generate-event apigateway aws-proxy`, after a Cognito authorizer. */
export function apiGatewayEvent(request: {
  method: string;
  path: string;
  resource?: string;
  sub?: string;
  body?: string;
  headers?: Record<string, string>;
  query?: Record<string, string>;
  pathParameters?: Record<string, string>;
  requestId?: string;
}): APIGatewayProxyEvent {
  const headers = { Host: 'api.example.com', 'X-Forwarded-Proto': 'https', ...request.headers };
  return {
    resource: request.resource ?? request.path,
    path: request.path,
    httpMethod: request.method,
    headers,
    multiValueHeaders: Object.fromEntries(Object.entries(headers).map(([k, v]) => [k, [v]])),
    queryStringParameters: request.query ?? null,
    multiValueQueryStringParameters: request.query
      ? Object.fromEntries(Object.entries(request.query).map(([k, v]) => [k, [v]]))
      : null,
    pathParameters: request.pathParameters ?? null,
    stageVariables: null,
    body: request.body ?? null,
    isBase64Encoded: false,
    requestContext: {
      accountId: '123456789012',
      apiId: '1234567890',
      protocol: 'HTTP/1.1',
      httpMethod: request.method,
      path: `/api${request.path}`,
      stage: 'api',
      requestId: request.requestId ?? 'c6af9ac6-7b61-11e6-9a41-93e8deadbeef',
      requestTimeEpoch: 1_428_582_896_000,
      resourceId: '123456',
      resourcePath: request.resource ?? request.path,
      identity: {
        accessKey: null,
        accountId: null,
        apiKey: null,
        apiKeyId: null,
        caller: null,
        clientCert: null,
        cognitoAuthenticationProvider: null,
        cognitoAuthenticationType: null,
        cognitoIdentityId: null,
        cognitoIdentityPoolId: null,
        principalOrgId: null,
        sourceIp: '127.0.0.1',
        user: null,
        userAgent: 'jest',
        userArn: null,
      },
      authorizer: {
        claims: {
          sub: request.sub ?? 'user-1',
          email: 'ada@example.com',
          'cognito:groups': 'customers',
          token_use: 'id',
        },
      },
    },
  };
}

export function lambdaContext(functionName: string): Context {
  return {
    callbackWaitsForEmptyEventLoop: true,
    functionName,
    functionVersion: '$LATEST',
    invokedFunctionArn: `arn:aws:lambda:us-east-1:123456789012:function:${functionName}`,
    memoryLimitInMB: '512',
    awsRequestId: 'aws-request-1',
    logGroupName: `/aws/lambda/${functionName}`,
    logStreamName: 'stream',
    getRemainingTimeInMillis: () => 10_000,
    done: () => undefined,
    fail: () => undefined,
    succeed: () => undefined,
  };
}
