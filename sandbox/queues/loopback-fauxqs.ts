// fauxqs's app (SQS, and the S3 API the S3 front keeps objects in) listening
// on loopback only: its own startFauxqs always binds all interfaces, which
// would let another machine reach queues and objects without any signature.
import { buildApp } from 'fauxqs';
import type { AddressInfo } from 'node:net';

export interface LoopbackFauxqs {
  port: number;
  stop(): Promise<void>;
}

export async function startLoopbackFauxqs(options: {
  port: number;
  region: string;
}): Promise<LoopbackFauxqs> {
  const app = buildApp({ logger: false, host: '127.0.0.1', defaultRegion: options.region });
  await app.listen({ port: options.port, host: '127.0.0.1' });
  const { port } = app.server.address() as AddressInfo;
  return { port, stop: () => app.close() };
}
