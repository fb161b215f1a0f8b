// SQS (and an S3 API on the same endpoint) from fauxqs, in-process: queues
// with visibility timeouts, long polling and redrive to dead-letter queues.
// It keeps nothing across restarts, as a queue's messages are short-lived.
import { startFauxqs, type FauxqsServer } from 'fauxqs';
import type { RunningService } from '../processes';

export interface LocalSqs extends RunningService {
  server: FauxqsServer;
}

export async function startLocalSqs(options: { port: number; region: string }): Promise<LocalSqs> {
  const server = await startFauxqs({
    port: options.port,
    host: '127.0.0.1',
    defaultRegion: options.region,
    logger: false,
  });
  return {
    endpoint: `http://127.0.0.1:${server.port}`,
    server,
    stop: () => server.stop(),
  };
}
