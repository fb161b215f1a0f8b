import { renderGatewayResponse } from '../../../../sandbox/rest-gateway/gateway-responses';
import { restApi } from './api-fixture';

describe('gateway responses', () => {
  it("renders the template's response with literals and the request id", () => {
    const reply = renderGatewayResponse(restApi(), 'UNAUTHORIZED', { requestId: 'req-1' });

    expect(reply.statusCode).toBe(401);
    expect(reply.headers).toMatchObject({
      'Content-Type': 'application/problem+json',
      'Access-Control-Allow-Origin': '*',
      'X-Request-Id': 'req-1',
    });
    expect(JSON.parse(reply.body.toString())).toMatchObject({ status: 401, requestId: 'req-1' });
  });

  it("falls back to API Gateway's default when the template declares none", () => {
    const reply = renderGatewayResponse(restApi(), 'MISSING_AUTHENTICATION_TOKEN', {
      requestId: 'req-2',
    });

    expect(reply).toEqual({
      statusCode: 403,
      headers: {
        'Content-Type': 'application/json',
        'x-amzn-ErrorType': 'MissingAuthenticationTokenException',
      },
      body: Buffer.from('{"message":"Missing Authentication Token"}'),
    });
  });

  it('uses DEFAULT_4XX for a 4xx type the template does not declare', () => {
    const api = restApi({
      gatewayResponses: {
        DEFAULT_4XX: {
          statusCode: 400,
          headers: {},
          template: '{"error":"$context.error.message"}',
        },
      },
    });

    const reply = renderGatewayResponse(api, 'REQUEST_TOO_LARGE', { requestId: 'req-3' });

    expect(reply.statusCode).toBe(400);
    expect(reply.body.toString()).toBe('{"error":"Request Too Long"}');
  });

  it("keeps a refusal's own status under a DEFAULT_4XX without a status code", () => {
    const api = restApi({
      gatewayResponses: {
        DEFAULT_4XX: { headers: {}, template: '{"detail":$context.error.messageString}' },
      },
    });

    const reply = renderGatewayResponse(api, 'ACCESS_DENIED', {
      requestId: 'req-4',
      message: 'No.',
    });

    expect(reply.statusCode).toBe(403);
    expect(reply.body.toString()).toBe('{"detail":"No."}');
  });
});
