// SQS (and an S3 API on the same endpoint) from fauxqs, in-process: queues
// with visibility timeouts, long polling and redrive to dead-letter queues.
// It keeps nothing across restarts, as a queue's messages are short-lived.
import type { RunningService } from '../processes';
import { startLoopbackFauxqs } from './loopback-fauxqs';

export type LocalSqs = RunningService;

export async function startLocalSqs(options: { port: number; region: string }): Promise<LocalSqs> {
  const server = await startLoopbackFauxqs(options);
  return { endpoint: `http://127.0.0.1:${server.port}`, stop: () => server.stop() };
}
