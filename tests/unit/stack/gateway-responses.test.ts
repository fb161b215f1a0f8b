import { renderGatewayResponse } from '../../../sandbox/rest-gateway/gateway-responses';
import type { GatewayResponseType } from '../../../sandbox/rest-gateway/gateway-responses';
import { parseTemplate } from '../../../sandbox/template/parse';

// The replies API Gateway makes without calling a function, rendered from
// template.yaml as the gateway renders them: each must be a problem document
// that a client can match to the logs by its request id.
const api = parseTemplate('template.yaml').restApis[0];

describe("the REST API's own replies", () => {
  it.each<[GatewayResponseType, number]>([
    ['UNAUTHORIZED', 401],
    ['MISSING_AUTHENTICATION_TOKEN', 404],
    ['REQUEST_TOO_LARGE', 413],
    ['THROTTLED', 429],
  ])('answer %s with a %i problem document carrying the request id', (type, status) => {
    if (!api) throw new Error('template.yaml declares no REST API');

    const reply = renderGatewayResponse(api, type, { requestId: 'req-7' });

    expect(reply.statusCode).toBe(status);
    expect(reply.headers['Content-Type']).toBe('application/problem+json');
    expect(reply.headers['X-Request-Id']).toBe('req-7');
    expect(JSON.parse(reply.body.toString())).toMatchObject({ status, requestId: 'req-7' });
  });

  it.each(['DEFAULT_4XX', 'DEFAULT_5XX'])('declare %s as a problem document too', (type) => {
    const spec = api?.gatewayResponses[type];

    expect(spec?.headers['Content-Type']).toBe("'application/problem+json'");
    expect(spec?.headers['X-Request-Id']).toBe('context.requestId');
    const body = (spec?.template ?? '').replaceAll(
      '$context.error.messageString',
      JSON.stringify('Forbidden'),
    );
    expect(JSON.parse(body.replace('$context.requestId', 'req-7'))).toMatchObject({
      title: 'Forbidden',
      requestId: 'req-7',
    });
  });
});
