// A device registered before the sandbox restarts still gets its pushes after
// it. Its record is in DynamoDB Local's data, and the SNS endpoint the record
// names is in the local SNS endpoint's kept state. Before, a restart forgot
// the endpoint: the first push after it answered NotFound, and the worker
// dropped the device as gone.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { jest } from '@jest/globals';
import { freePort } from '../../sandbox/ports';
import { SANDBOX_SERVICES } from '../../sandbox/services/table';
import { startSandboxProcess, type SandboxProcess } from '../../sandbox/spawn-sandbox';
import { call } from './support/http';
import { eventuallyPushes, registerDevice, withProfile } from './support/messaging';
import { newUser } from './support/users';

jest.setTimeout(240_000);

/** The same port for each service at every start: the tokens name Cognito's endpoint. */
async function fixedPorts(): Promise<string[]> {
  const flags = SANDBOX_SERVICES.flatMap((service) => (service.port ? [service.port.flag] : []));
  const ports = await Promise.all(flags.map(() => freePort()));
  return flags.flatMap((flag, i) => [`--${flag}`, String(ports[i])]);
}

describe('a sandbox started again on its state directory', () => {
  const sharedOutputsFile = process.env.SANDBOX_OUTPUTS_FILE;
  let stateDir: string;
  let portArgs: string[];
  let sandbox: SandboxProcess | undefined;

  const start = async () => {
    sandbox = await startSandboxProcess(portArgs, { persistent: true, stateDir });
    // The support helpers (users, calls, the push outbox) reach this sandbox.
    process.env.SANDBOX_OUTPUTS_FILE = sandbox.outputsFile;
  };

  beforeAll(async () => {
    stateDir = mkdtempSync(join(tmpdir(), 'push-after-restart-'));
    portArgs = await fixedPorts();
    await start();
  });

  afterAll(async () => {
    await sandbox?.stop();
    process.env.SANDBOX_OUTPUTS_FILE = sharedOutputsFile;
    rmSync(stateDir, { recursive: true, force: true });
  });

  it('pushes to a device registered before the restart, and keeps it', async () => {
    // prepare
    const [a, b] = await Promise.all([newUser(), newUser()]);
    await Promise.all([withProfile(a), withProfile(b)]);
    const device = await registerDevice(a, 'ios');
    await sandbox?.stop();
    await start();

    // act
    const sent = await call('POST', '/v1/messages', {
      token: b.idToken,
      body: { to: a.sub, text: 'Still there?' },
    });
    const pushes = await eventuallyPushes(a, 1);
    const devices = await call('GET', '/v1/devices', { token: a.idToken });

    // assess
    expect(sent.status).toBe(202);
    expect(pushes).toMatchObject([{ token: device.token, payload: { from: b.sub } }]);
    expect(devices.json.items).toEqual([expect.objectContaining({ deviceId: device.deviceId })]);
  });
});
