import { toProxyEvent, type GatewayRequest } from '../../../../sandbox/rest-gateway/event';
import type { RouteMatch } from '../../../../sandbox/rest-gateway/routes';

const match: RouteMatch = {
  route: {
    resource: '/v1/items/{id}',
    resourceId: 'abc123',
    method: 'ANY',
    functionLogicalId: 'DataApiFunction',
    authorizationScopes: [],
  },
  pathParameters: { id: '42' },
};

const context = {
  stage: 'api',
  apiId: '1234567890',
  accountId: '123456789012',
  requestId: 'c6af9ac6-7b61-11e6-9a41-93e8deadbeef',
  receivedAt: new Date(Date.UTC(2015, 3, 9, 12, 34, 56)),
};

function request(overrides: Partial<GatewayRequest> = {}): GatewayRequest {
  return {
    method: 'GET',
    path: '/v1/items/42',
    query: '',
    rawHeaders: ['Host', 'localhost:3000', 'User-Agent', 'Custom User Agent String'],
    body: Buffer.alloc(0),
    sourceIp: '127.0.0.1',
    protocol: 'HTTP/1.1',
    ...overrides,
  };
}

// The keys of `sam local generate-event apigateway aws-proxy`, with null where SAM has null.
const samTopLevelKeys = [
  'body',
  'resource',
  'path',
  'httpMethod',
  'isBase64Encoded',
  'queryStringParameters',
  'multiValueQueryStringParameters',
  'pathParameters',
  'stageVariables',
  'headers',
  'multiValueHeaders',
  'requestContext',
];
const samRequestContextKeys = [
  'accountId',
  'resourceId',
  'stage',
  'requestId',
  'requestTime',
  'requestTimeEpoch',
  'identity',
  'path',
  'resourcePath',
  'httpMethod',
  'apiId',
  'protocol',
];
const samIdentity = {
  cognitoIdentityPoolId: null,
  accountId: null,
  cognitoIdentityId: null,
  caller: null,
  accessKey: null,
  sourceIp: '127.0.0.1',
  cognitoAuthenticationType: null,
  cognitoAuthenticationProvider: null,
  userArn: null,
  userAgent: 'Custom User Agent String',
  user: null,
};

describe('proxy event', () => {
  it('has every key of the SAM aws-proxy event', () => {
    const event = toProxyEvent(request(), match, context);

    expect(Object.keys(event)).toEqual(expect.arrayContaining(samTopLevelKeys));
    expect(Object.keys(event.requestContext)).toEqual(
      expect.arrayContaining(samRequestContextKeys),
    );
    expect(event.requestContext.identity).toMatchObject(samIdentity);
  });

  it('describes the resource, the path and the stage as API Gateway does', () => {
    const event = toProxyEvent(request(), match, context);

    expect(event).toMatchObject({
      resource: '/v1/items/{id}',
      path: '/v1/items/42',
      httpMethod: 'GET',
      pathParameters: { id: '42' },
      stageVariables: null,
      requestContext: {
        resourcePath: '/v1/items/{id}',
        path: '/api/v1/items/42',
        stage: 'api',
        requestId: 'c6af9ac6-7b61-11e6-9a41-93e8deadbeef',
        requestTime: '09/Apr/2015:12:34:56 +0000',
        requestTimeEpoch: 1428582896000,
        protocol: 'HTTP/1.1',
        domainName: 'localhost',
      },
    });
  });

  it('sets query parameters to null when there are none', () => {
    const event = toProxyEvent(request(), match, context);

    expect([event.queryStringParameters, event.multiValueQueryStringParameters]).toEqual([
      null,
      null,
    ]);
  });

  it('decodes query parameters, keeping the last value single and all values multi', () => {
    const event = toProxyEvent(request({ query: 'tag=a&tag=b%20c&q=x+y&flag' }), match, context);

    expect(event.queryStringParameters).toEqual({ tag: 'b c', q: 'x y', flag: '' });
    expect(event.multiValueQueryStringParameters).toEqual({
      tag: ['a', 'b c'],
      q: ['x y'],
      flag: [''],
    });
  });

  it('keeps header names as sent and repeated headers in multiValueHeaders', () => {
    const event = toProxyEvent(
      request({ rawHeaders: ['Host', 'localhost', 'X-Tag', 'one', 'X-Tag', 'two'] }),
      match,
      context,
    );

    expect(event.headers['X-Tag']).toBe('two');
    expect(event.multiValueHeaders['X-Tag']).toEqual(['one', 'two']);
  });

  it('adds the forwarding headers of API Gateway', () => {
    const event = toProxyEvent(request(), match, context);

    expect(event.headers).toMatchObject({
      'X-Forwarded-For': '127.0.0.1',
      'X-Forwarded-Proto': 'https',
      'X-Forwarded-Port': '443',
      'X-Amzn-Trace-Id': expect.stringMatching(/^Root=1-[0-9a-f]{8}-[0-9a-f]{24}$/),
    });
  });

  it('gives each request its own trace id and extended request id', () => {
    const events = [1, 2].map(() => toProxyEvent(request(), match, context));
    const [first, second] = events.map((event) => ({
      trace: event.headers['X-Amzn-Trace-Id'],
      extended: event.requestContext.extendedRequestId,
    }));

    expect(first?.extended).toMatch(/^[A-Za-z0-9_-]{8}=$/);
    expect(second?.trace).not.toBe(first?.trace);
    expect(second?.extended).not.toBe(first?.extended);
  });

  it('passes a JSON body as text', () => {
    const event = toProxyEvent(
      request({
        method: 'POST',
        rawHeaders: ['Content-Type', 'application/json; charset=utf-8'],
        body: Buffer.from('{"title":"é"}'),
      }),
      match,
      context,
    );

    expect([event.body, event.isBase64Encoded]).toEqual(['{"title":"é"}', false]);
  });

  it('passes a binary body base64-encoded', () => {
    const bytes = Buffer.from([0xff, 0xd8, 0xff, 0x00]);

    const event = toProxyEvent(
      request({ method: 'PUT', rawHeaders: ['Content-Type', 'image/jpeg'], body: bytes }),
      match,
      context,
    );

    expect([event.body, event.isBase64Encoded]).toEqual([bytes.toString('base64'), true]);
  });

  it('sets the body to null when there is none', () => {
    const event = toProxyEvent(request(), match, context);

    expect([event.body, event.isBase64Encoded]).toEqual([null, false]);
  });

  it('carries the authorizer claims when the request was authorized', () => {
    const event = toProxyEvent(request(), match, { ...context, claims: { sub: 'user-1' } });

    expect(event.requestContext.authorizer).toEqual({ claims: { sub: 'user-1' } });
  });
});
