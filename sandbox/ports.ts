import { readFileSync } from 'node:fs';
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

/** Binds the port on all interfaces and on loopback, and lets go: either kind of listener blocks a service. */
async function bindEverywhere(port: number): Promise<void> {
  await listenOnce(port);
  await listenOnce(port, '127.0.0.1');
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
    await bindEverywhere(port);
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

// Ports are picked below the ephemeral range. A port that bind(0) hands out
// belongs to that range, which the kernel also draws the local end of every
// outgoing connection from: picked, released and bound again a few seconds
// later, it may meanwhile be the local port of a connection to DynamoDB Local
// (EADDRINUSE at the start). Ports below the range go to listeners only.
const LOWEST_PICK = 20_000;
// Where the range begins on macOS and Windows (IANA's dynamic ports).
const IANA_EPHEMERAL_LOW = 49_152;
const ATTEMPTS = 100;

let rangeLow: number | undefined;

/** The first port of the ephemeral range, where the system says (read once per process). */
export function ephemeralRangeLow(): number {
  return (rangeLow ??= readEphemeralRangeLow());
}

function readEphemeralRangeLow(): number {
  if (process.platform !== 'linux') return IANA_EPHEMERAL_LOW;
  try {
    const [low] = readFileSync('/proc/sys/net/ipv4/ip_local_port_range', 'utf8')
      .trim()
      .split(/\s+/)
      .map(Number);
    return low !== undefined && Number.isInteger(low) ? low : IANA_EPHEMERAL_LOW;
  } catch {
    return IANA_EPHEMERAL_LOW;
  }
}

// One random place in the range per process, then the ports after it: two
// sandboxes picking at the same time meet only if their places are close.
let nextPick: number | undefined;

function pickCandidate(low: number, high: number): number {
  nextPick ??= low + Math.floor(Math.random() * (high - low + 1));
  if (nextPick > high) nextPick = low;
  return nextPick++;
}

const isFree = (port: number): Promise<boolean> =>
  bindEverywhere(port).then(
    () => true,
    () => false,
  );

/**
 * A port free a moment ago on every interface (for tests and services started
 * right away), below the ephemeral range; from bind(0) when the system leaves
 * no room below it.
 */
export async function freePort(): Promise<number> {
  const high = ephemeralRangeLow() - 1;
  if (high - LOWEST_PICK < 1000) return listenOnce(0, '127.0.0.1');
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const port = pickCandidate(LOWEST_PICK, high);
    if (await isFree(port)) return port;
  }
  return listenOnce(0, '127.0.0.1');
}
