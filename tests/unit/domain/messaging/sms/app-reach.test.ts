import type { Device } from '../../../../../layers/domain/src/messaging/devices/device';
import type { DeviceStore } from '../../../../../layers/domain/src/messaging/devices/device-store';
import { DeviceAndConnectionReach } from '../../../../../layers/domain/src/messaging/sms/app-reach';
import type { Connection } from '../../../../../layers/domain/src/realtime/connection';
import type { ConnectionStore } from '../../../../../layers/domain/src/realtime/connection-store';

const apnsArn = 'arn:aws:sns:us-east-1:123456789012:app/APNS/mobile-backend-ios';
const iosDevice: Device = {
  deviceId: 'd1',
  userId: 'bob',
  platform: 'ios',
  token: 'tok',
  endpointArn: 'arn:aws:sns:us-east-1:123456789012:endpoint/APNS/mobile-backend-ios/1',
  createdAt: '2026-12-01T10:00:00.000Z',
};

function reach(devices: Device[], connections: Partial<Connection>[], ios = apnsArn) {
  const deviceStore = { listByUser: async () => devices } as unknown as DeviceStore;
  const connectionStore = { listByUser: async () => connections } as unknown as ConnectionStore;
  return new DeviceAndConnectionReach(deviceStore, connectionStore, { ios, android: '' });
}

describe('whether the app reaches a recipient', () => {
  it('does not without devices and connections', async () => {
    await expect(reach([], []).reaches('bob')).resolves.toBe(false);
  });

  it('does with an open connection', async () => {
    await expect(reach([], [{ connectionId: 'c1' }]).reaches('bob')).resolves.toBe(true);
  });

  it('does with a device push reaches', async () => {
    await expect(reach([iosDevice], []).reaches('bob')).resolves.toBe(true);
  });

  it('does not with a device of a platform push is off for', async () => {
    await expect(reach([iosDevice], [], '').reaches('bob')).resolves.toBe(false);
  });

  it('does not with a device that has no endpoint (registered while push was off)', async () => {
    const withoutEndpoint: Device = { ...iosDevice };
    delete withoutEndpoint.endpointArn;

    await expect(reach([withoutEndpoint], []).reaches('bob')).resolves.toBe(false);
  });
});
