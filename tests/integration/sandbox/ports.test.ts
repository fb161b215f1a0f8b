import { createServer } from 'node:net';
import type { Server } from 'node:net';
import { assertPortFree, ephemeralRangeLow, freePort } from '../../../sandbox/ports';

function listen(port: number, host: string): Promise<Server> {
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(port, host, () => resolve(server));
  });
}

function close(server: Server): Promise<void> {
  return new Promise((resolve) => server.close(() => resolve()));
}

describe('ports', () => {
  it('accepts a free port', async () => {
    const port = await freePort();

    await expect(assertPortFree(port, 'DynamoDB Local')).resolves.toBeUndefined();
  });

  it('picks ports below the ephemeral range, where no outgoing connection takes one', async () => {
    const ports = [await freePort(), await freePort(), await freePort()];

    expect(new Set(ports).size).toBe(3);
    for (const port of ports) {
      expect(port).toBeGreaterThanOrEqual(20_000);
      expect(port).toBeLessThan(ephemeralRangeLow());
    }
  });

  it('does not pick a port that something listens on', async () => {
    const before = await freePort();
    const holder = await listen(before + 1, '127.0.0.1');
    try {
      const port = await freePort();

      expect(port).not.toBe(before + 1);
      await expect(assertPortFree(port, 'DynamoDB Local')).resolves.toBeUndefined();
    } finally {
      await close(holder);
    }
  });

  it.each(['127.0.0.1', '0.0.0.0'])(
    'names port, service and option when a listener on %s holds the port',
    async (host) => {
      const port = await freePort();
      const holder = await listen(port, host);
      try {
        const check = assertPortFree(port, 'DynamoDB Local', '--dynamodb-port');

        await expect(check).rejects.toThrow(
          `Port ${port} (DynamoDB Local) is in use; pass --dynamodb-port or stop the other process`,
        );
      } finally {
        await close(holder);
      }
    },
  );
});
