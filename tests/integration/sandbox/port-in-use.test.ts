import { createServer, type Server } from 'node:net';
import { freePort } from '../../../sandbox/ports';
import { startLocalPush } from '../../../sandbox/push/server';
import { startLocalSecretsManager } from '../../../sandbox/secrets/secrets-manager-server';
import { startLocalStepFunctions } from '../../../sandbox/step-functions/server';
import { TaskFaults } from '../../../sandbox/step-functions/task-faults';

// A local endpoint whose port something else holds fails its start with the
// port and the service named, instead of crashing the sandbox's process.
const starts: Record<string, (port: number) => Promise<{ stop(): Promise<void> }>> = {
  'Step Functions': (port) =>
    startLocalStepFunctions({ port, machines: [], faults: new TaskFaults() }),
  'Secrets Manager': (port) => startLocalSecretsManager({ port, find: () => undefined, keys: {} }),
  'Push (SNS)': (port) =>
    startLocalPush({ port, arnPrefix: 'arn:aws:sns:us-east-1:000000000000', log: () => undefined }),
};

let holder: Server;
let port: number;

beforeEach(async () => {
  port = await freePort();
  holder = createServer();
  await new Promise<void>((resolve) => holder.listen(port, '127.0.0.1', resolve));
});

afterEach(async () => {
  await new Promise<void>((resolve) => holder.close(() => resolve()));
});

it.each(Object.keys(starts))('%s names its port when it is in use', async (label) => {
  const start = starts[label]?.(port);

  await expect(start).rejects.toThrow(
    `${label} cannot listen: port ${port} on 127.0.0.1 is already in use`,
  );
});
