import { createServer } from 'node:net';

function listenOnce(port: number, host?: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.once('error', reject);
    server.listen({ port, host, exclusive: true }, () => {
      const address = server.address();
      const bound = typeof address === 'object' && address ? address.port : port;
      server.close(() => resolve(bound));
    });
  });
}

/**
 * Fails with a message naming the service (and the option that moves it, e.g. `--dynamodb-port`)
 * when something already listens on the port. Checks all interfaces and loopback, since either
 * kind of listener blocks the service.
 */
export async function assertPortFree(
  port: number,
  service: string,
  portOption?: string,
): Promise<void> {
  try {
    await listenOnce(port);
    await listenOnce(port, '127.0.0.1');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') {
      const remedy = portOption ? `pass ${portOption}` : 'choose another port';
      throw new Error(`Port ${port} (${service}) is in use; ${remedy} or stop the other process`, {
        cause: error,
      });
    }
    throw error;
  }
}

/** A port that was free on loopback a moment ago (for tests and services started right away). */
export function freePort(): Promise<number> {
  return listenOnce(0, '127.0.0.1');
}
