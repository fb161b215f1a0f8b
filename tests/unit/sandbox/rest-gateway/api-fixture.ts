// An API and functions shaped as the template parser gives them for template.yaml.
import type { ApiEventSpec, FunctionSpec, RestApiSpec } from '../../../../sandbox/template/model';

export function restApi(overrides: Partial<RestApiSpec> = {}): RestApiSpec {
  return {
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
      allowOrigin: "'*'",
      allowHeaders: "'Authorization,Content-Type,Idempotency-Key,If-Match'",
      allowMethods: "'GET,POST,PATCH,DELETE,OPTIONS'",
      maxAge: "'600'",
    },
    gatewayResponses: {
      UNAUTHORIZED: {
        statusCode: 401,
        headers: {
          'Content-Type': "'application/problem+json'",
          'Access-Control-Allow-Origin': "'*'",
          'X-Request-Id': 'context.requestId',
        },
        template:
          '{"type":"https://mobile-backend.dev/problems/unauthorized","title":"Unauthorized","status":401,"requestId":"$context.requestId"}',
      },
    },
    ...overrides,
  };
}

export function apiFunction(
  logicalId: string,
  events: Omit<ApiEventSpec, 'restApiLogicalId' | 'name'>[],
): FunctionSpec {
  return {
    logicalId,
    codeUri: `/code/${logicalId}`,
    handler: 'handler.handler',
    properties: {},
    runtime: 'nodejs24.x',
    timeoutSeconds: 10,
    memorySizeMb: 512,
    environment: {},
    layers: [],
    buildProperties: {},
    apiEvents: events.map((event, index) => ({
      ...event,
      name: `Event${index}`,
      restApiLogicalId: 'Api',
    })),
  };
}
