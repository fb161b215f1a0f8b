import type { APIGatewayProxyResult } from 'aws-lambda';
import { apiRequestHandler, createApiRouter } from '@mobile-backend/domain/http';
import { apiGatewayEvent, lambdaContext } from '../../functions/api-gateway-event';

function thingsApi() {
  const seen: string[] = [];
  const router = createApiRouter();
  router.get('/v1/things/:id', ({ params }) => {
    seen.push(params.id ?? '');
    // A bug of the route's own: its URIError must not pass for a 404.
    if (params.id === 'broken') decodeURIComponent('%');
    return { id: params.id };
  });
  const handler = apiRequestHandler(router, { allowedOrigins: ['*'] });
  const get = (id: string): Promise<APIGatewayProxyResult> =>
    handler(
      apiGatewayEvent({
        method: 'GET',
        path: `/v1/things/${id}`,
        resource: '/v1/things/{id}',
        pathParameters: { id },
      }),
      lambdaContext('ThingsFunction'),
    );
  return { get, seen };
}

describe('the API router', () => {
  it('hands an id of ordinary length to its route', async () => {
    const api = thingsApi();

    const result = await api.get('a'.repeat(128));

    expect(result.statusCode).toBe(200);
    expect(api.seen).toEqual(['a'.repeat(128)]);
  });

  it('answers an id longer than any of ours with a 404 problem, without calling the route', async () => {
    const api = thingsApi();

    const result = await api.get('a'.repeat(1025));

    expect(result.statusCode).toBe(404);
    expect(result.headers?.['content-type']).toBe('application/problem+json');
    expect(api.seen).toEqual([]);
  });

  it("answers a route's own URIError as the 500 it is, not as a missing resource", async () => {
    const api = thingsApi();

    const result = await api.get('broken');

    expect(result.statusCode).toBe(500);
  });

  it('answers an id with a bad percent-escape with a 404 problem', async () => {
    const api = thingsApi();

    const result = await api.get('%E0%A4%A');

    expect(result.statusCode).toBe(404);
    expect(api.seen).toEqual([]);
  });
});
