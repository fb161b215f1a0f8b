import { createRouteTable } from '../../../../sandbox/rest-gateway/routes';
import { apiFunction, restApi } from './api-fixture';

const table = createRouteTable(restApi(), [
  apiFunction('MeFunction', [{ path: '/v1/me', method: 'ANY' }]),
  apiFunction('ItemsFunction', [
    { path: '/v1/items', method: 'ANY' },
    { path: '/v1/items/{id}', method: 'ANY' },
    { path: '/v1/items/search', method: 'GET' },
  ]),
  apiFunction('ItemReaderFunction', [{ path: '/v1/items/{id}', method: 'GET' }]),
  apiFunction('PublicFunction', [
    { path: '/v1/public/{proxy+}', method: 'GET', authorizer: 'NONE' },
  ]),
  apiFunction('FallbackFunction', [{ path: '/{proxy+}', method: 'POST' }]),
]);

describe('route table', () => {
  it('matches a literal path with ANY for every method', () => {
    const match = table.match('PATCH', '/v1/me');

    expect(match).toEqual({
      route: expect.objectContaining({ resource: '/v1/me', functionLogicalId: 'MeFunction' }),
      pathParameters: null,
    });
  });

  it.each(['TRACE', 'PROPFIND', 'CONNECT', 'FOO'])(
    'matches no route for %s: ANY means the seven methods API Gateway serves',
    (method) => {
      expect(table.match(method, '/v1/me')).toBeUndefined();
    },
  );

  it('captures a path parameter as it appears in the URL', () => {
    const match = table.match('DELETE', '/v1/items/01H%2Bx');

    expect(match?.route.resource).toBe('/v1/items/{id}');
    expect(match?.pathParameters).toEqual({ id: '01H%2Bx' });
  });

  it('prefers a literal segment to a parameter', () => {
    const match = table.match('GET', '/v1/items/search');

    expect(match?.route.functionLogicalId).toBe('ItemsFunction');
    expect(match?.route.resource).toBe('/v1/items/search');
  });

  it('prefers a specific method to ANY on the same resource', () => {
    const reader = table.match('GET', '/v1/items/1');
    const writer = table.match('PUT', '/v1/items/1');

    expect([reader?.route.functionLogicalId, writer?.route.functionLogicalId]).toEqual([
      'ItemReaderFunction',
      'ItemsFunction',
    ]);
  });

  it('gives a greedy parameter the rest of the path', () => {
    const match = table.match('GET', '/v1/public/a/b/c');

    expect(match?.pathParameters).toEqual({ proxy: 'a/b/c' });
  });

  it('falls back to a greedy parameter when no more specific path matches', () => {
    const match = table.match('POST', '/v2/anything/here');

    expect(match?.route.functionLogicalId).toBe('FallbackFunction');
    expect(match?.pathParameters).toEqual({ proxy: 'v2/anything/here' });
  });

  it('does not match a method the resource lacks', () => {
    const match = table.match('POST', '/v1/items/search');

    expect(match).toBeUndefined();
  });

  it('does not match an unknown path', () => {
    expect(table.match('GET', '/v2/me')).toBeUndefined();
  });

  it("applies the API's default authorizer unless the event opts out", () => {
    const guarded = table.match('GET', '/v1/me');
    const open = table.match('GET', '/v1/public/x');

    expect([guarded?.route.authorizer, open?.route.authorizer]).toEqual([
      'CognitoAuthorizer',
      undefined,
    ]);
  });

  it('ignores a trailing slash', () => {
    expect(table.match('GET', '/v1/me/')?.route.resource).toBe('/v1/me');
  });

  it("asks a method's own scopes of its tokens, else its authorizer's, else none", () => {
    const api = restApi();
    const authorizer = api.cognitoAuthorizers.CognitoAuthorizer;
    if (authorizer) authorizer.authorizationScopes = ['items/read'];
    const scoped = createRouteTable(api, [
      apiFunction('Writer', [
        { path: '/v1/items', method: 'POST', authorizationScopes: ['items/write'] },
      ]),
      apiFunction('Reader', [{ path: '/v1/items', method: 'GET' }]),
    ]);

    expect(scoped.match('POST', '/v1/items')?.route.authorizationScopes).toEqual(['items/write']);
    expect(scoped.match('GET', '/v1/items')?.route.authorizationScopes).toEqual(['items/read']);
    expect(table.match('GET', '/v1/me')?.route.authorizationScopes).toEqual([]);
  });

  it('refuses two functions on the same method and path', () => {
    const build = () =>
      createRouteTable(restApi(), [
        apiFunction('A', [{ path: '/v1/me', method: 'GET' }]),
        apiFunction('B', [{ path: '/v1/me', method: 'get' }]),
      ]);

    expect(build).toThrow('Two functions handle GET /v1/me on Api');
  });
});
