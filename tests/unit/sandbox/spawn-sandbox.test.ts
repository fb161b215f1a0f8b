import { createServer } from 'node:http';
import { listen } from '../../../sandbox/runtime/listen';
import { lostAFreePort } from '../../../sandbox/spawn-sandbox';

describe('starting a test sandbox again', () => {
  it('when a port it picked was taken before it listened', async () => {
    const taken = createServer();
    const url = await listen(taken, 0, '127.0.0.1', 'first');
    const port = Number(new URL(url).port);
    try {
      const refusal = await listen(createServer(), port, '127.0.0.1', 'API docs').catch(
        (error: unknown) => error,
      );
      const startFailure = new Error(`The sandbox did not start:\n${(refusal as Error).message}`);

      expect(lostAFreePort(startFailure)).toBe(true);
    } finally {
      taken.close();
    }
  });

  it('never for a start that failed on its own', () => {
    const failure = new Error('The sandbox did not start:\nthe template has no Resources');

    expect(lostAFreePort(failure)).toBe(false);
  });
});
