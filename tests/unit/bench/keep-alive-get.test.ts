import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { keepAliveGet } from '../../../bench/lib/keep-alive-get';

describe('a keep-alive GET for a load generator', () => {
  let server: Server;
  let base: string;
  const seen: { headers: IncomingHttpHeaders; socket: unknown }[] = [];
  let status = 200;

  beforeAll(async () => {
    server = createServer((request, response) => {
      seen.push({ headers: request.headers, socket: request.socket });
      response.writeHead(status, { 'Content-Type': 'application/json' });
      response.end(JSON.stringify({ body: 'x'.repeat(20_000) }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });
  beforeEach(() => {
    seen.length = 0;
    status = 200;
  });

  it('sends the given headers with those fetch would add, and reuses its connection', async () => {
    const get = keepAliveGet(`${base}/v1/items/1`, { Authorization: 'Bearer t' });

    await get();
    await get();

    expect(seen[0]?.headers).toMatchObject({
      authorization: 'Bearer t',
      accept: '*/*',
      'user-agent': 'node',
      'accept-encoding': 'gzip, deflate',
    });
    expect(seen[1]?.socket).toBe(seen[0]?.socket);
  });

  it('rejects an answer with another status', async () => {
    status = 404;
    const get = keepAliveGet(`${base}/v1/items/2`, {});

    await expect(get()).rejects.toThrow('GET /v1/items/2 answered 404');
  });
});
