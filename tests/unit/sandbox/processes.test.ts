import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { startChildService, stopProcess } from '../../../sandbox/processes';

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** A child that listens on the port after `delayMs`, as a service that boots first. */
function slowListener(port: number, delayMs: number) {
  const script = `setTimeout(() => require('node:http').createServer((_q, r) => r.end('ok')).listen(${port}, '127.0.0.1'), ${delayMs});`;
  return { name: 'slow listener', command: process.execPath, args: ['-e', script], cwd: tmpdir() };
}

describe('a child service started until it answers', () => {
  it('probes only once its loopback port accepts connections', async () => {
    const port = await freePort();
    let probes = 0;
    const child = await startChildService({
      ...slowListener(port, 400),
      loopbackPort: port,
      probe: async () => {
        probes += 1;
        const response = await fetch(`http://127.0.0.1:${port}/`);
        if (!response.ok) throw new Error(`answered ${response.status}`);
      },
    });
    await stopProcess(child);

    expect(probes).toBe(1);
  });

  it('probes all along without a port to wait for', async () => {
    const port = await freePort();
    let probes = 0;
    const child = await startChildService({
      ...slowListener(port, 400),
      probe: async () => {
        probes += 1;
        await fetch(`http://127.0.0.1:${port}/`);
      },
    });
    await stopProcess(child);

    expect(probes).toBeGreaterThan(3);
  });
});
