import { jest } from '@jest/globals';
import type { Metrics } from '@aws-lambda-powertools/metrics';
import type { Device } from '../../../../../layers/domain/src/messaging/devices/device';
import { DeviceOperations } from '../../../../../layers/domain/src/messaging/devices/device-operations';
import type { DeviceStore } from '../../../../../layers/domain/src/messaging/devices/device-store';
import type { StoredMessage } from '../../../../../layers/domain/src/messaging/message';
import { messageWorkerConfig } from '../../../../../layers/domain/src/messaging/messaging-config';
import { PushDelivery } from '../../../../../layers/domain/src/messaging/push/push-delivery';
import type { PushSender } from '../../../../../layers/domain/src/messaging/push/push-sender';
import { logger, metrics } from '../../../../../layers/domain/src/observability';
import { InMemoryPushReceipts } from '../../support/in-memory-stores';

// Push off (no credentials, so no platform application) is a state: devices
// still register, messages still arrive, and the worker says once that it skipped.

const fcmArn = 'arn:aws:sns:us-east-1:123456789012:app/GCM/mobile-backend-android';
const onlyAndroid = { ios: '', android: fcmArn };
const pushOff = { ios: '', android: '' };
const message: StoredMessage = {
  messageId: '01JD0000000000000000000001',
  from: 'alice',
  to: 'bob',
  text: 'hi',
  sentAt: '2026-11-22T12:00:00.000Z',
};

class MemoryDeviceStore implements DeviceStore {
  readonly devices = new Map<string, Device>();
  async get(userId: string, deviceId: string) {
    return this.devices.get(`${userId}/${deviceId}`);
  }
  async put(device: Device) {
    this.devices.set(`${device.userId}/${device.deviceId}`, device);
  }
  async listByUser(userId: string) {
    return [...this.devices.values()].filter((device) => device.userId === userId);
  }
  async listHolders(deviceId: string) {
    return [...this.devices.values()].filter((device) => device.deviceId === deviceId);
  }
  async delete(userId: string, deviceId: string) {
    this.devices.delete(`${userId}/${deviceId}`);
  }
}

/** An SNS that records what it was asked; every endpoint exists and is enabled. */
function recordingPush() {
  const calls: string[] = [];
  const push: PushSender = {
    createEndpoint: async (app, token) => {
      calls.push(`create ${app}`);
      return `${app.replace(':app/', ':endpoint/')}/${token}`;
    },
    getEndpoint: async () => ({ enabled: true, token: 'unused' }),
    enableEndpoint: async () => undefined,
    deleteEndpoint: async (arn) => void calls.push(`delete ${arn}`),
    publish: async (arn) => {
      calls.push(`publish ${arn}`);
      return 'delivered';
    },
  };
  return { push, calls };
}

function recordedMetrics() {
  const recorded: { dimensions: Record<string, string>; name: string; value: number }[] = [];
  jest.spyOn(metrics, 'singleMetric').mockImplementation(() => {
    const dimensions: Record<string, string> = {};
    return {
      addDimension: (name: string, value: string) => void (dimensions[name] = value),
      addMetric: (name: string, _unit: unknown, value: number) =>
        void recorded.push({ dimensions, name, value }),
    } as unknown as Metrics;
  });
  return recorded;
}

async function registered(applications: typeof pushOff, platform: 'ios' | 'android') {
  const store = new MemoryDeviceStore();
  const { push, calls } = recordingPush();
  const devices = new DeviceOperations(store, push, applications);
  await devices.register('bob', { platform, token: `${platform}-token` });
  return { store, push, calls, devices };
}

/** The worker's push channel over a registration's store and SNS, with receipts of its own. */
function pushDelivery(
  parts: Pick<Awaited<ReturnType<typeof registered>>, 'store' | 'devices' | 'push'>,
  applications: typeof pushOff,
): PushDelivery {
  return new PushDelivery({ ...parts, applications, receipts: new InMemoryPushReceipts() });
}

afterEach(() => jest.restoreAllMocks());

describe('registering a device while push is off for its platform', () => {
  it('stores the device without an endpoint and asks SNS nothing', async () => {
    const { store, calls } = await registered(pushOff, 'ios');

    expect([...store.devices.values()]).toEqual([
      expect.not.objectContaining({ endpointArn: expect.anything() }),
    ]);
    expect([...store.devices.values()][0]).toMatchObject({ userId: 'bob', platform: 'ios' });
    expect(calls).toEqual([]);
  });

  it('creates the endpoint when the app registers again once push is on', async () => {
    const { store } = await registered(pushOff, 'android');
    const { push, calls } = recordingPush();

    await new DeviceOperations(store, push, onlyAndroid).register('bob', {
      platform: 'android',
      token: 'android-token',
    });

    expect(calls).toEqual([`create ${fcmArn}`]);
    expect([...store.devices.values()][0]?.endpointArn).toContain(':endpoint/GCM/');
  });

  it('forgets such a device without deleting any endpoint', async () => {
    const { store, calls, devices } = await registered(pushOff, 'ios');

    await devices.removeAll('bob');

    expect(store.devices.size).toBe(0);
    expect(calls).toEqual([]);
  });
});

describe('the worker when push is off for a platform', () => {
  it('skips its devices with one log line and a PushSkipped metric per platform', async () => {
    // prepare
    const { store, push, calls, devices } = await registered(onlyAndroid, 'ios');
    const info = jest.spyOn(logger, 'info').mockImplementation(() => undefined);
    const recorded = recordedMetrics();

    // act
    await pushDelivery({ store, devices, push }, onlyAndroid).deliver(message, {
      newlyStored: true,
    });

    // assess
    expect(calls).toEqual([]);
    expect(info.mock.calls).toEqual([
      ['push skipped: not configured', expect.objectContaining({ platform: 'ios', devices: 1 })],
    ]);
    expect(recorded).toEqual([{ dimensions: { platform: 'ios' }, name: 'PushSkipped', value: 1 }]);
    expect(store.devices.size).toBe(1);
  });

  it('still pushes to the platforms that are on', async () => {
    const { store, push, calls, devices } = await registered(onlyAndroid, 'ios');
    await devices.register('bob', { platform: 'android', token: 'android-token' });
    calls.length = 0;
    jest.spyOn(logger, 'info').mockImplementation(() => undefined);
    recordedMetrics();

    await pushDelivery({ store, devices, push }, onlyAndroid).deliver(message, {
      newlyStored: true,
    });

    expect(calls).toEqual([expect.stringMatching(/^publish .*:endpoint\/GCM\//)]);
  });

  it('skips a device registered with push on once its platform is off, and keeps it', async () => {
    const { store, push, calls, devices } = await registered(onlyAndroid, 'android');
    calls.length = 0;
    jest.spyOn(logger, 'info').mockImplementation(() => undefined);
    const recorded = recordedMetrics();

    await expect(
      pushDelivery({ store, devices, push }, pushOff).deliver(message, { newlyStored: true }),
    ).resolves.toBeUndefined();

    expect(calls).toEqual([]);
    expect(recorded.map((metric) => metric.dimensions.platform)).toEqual(['android']);
    expect(store.devices.size).toBe(1);
  });
});

describe('the messaging configuration', () => {
  const worker = { APP_TABLE_NAME: 'AppTable', IDEMPOTENCY_TABLE_NAME: 'IdempotencyTable' };

  it('takes empty platform application ARNs as push off', () => {
    const config = messageWorkerConfig({
      ...worker,
      APNS_PLATFORM_APPLICATION_ARN: '',
      FCM_PLATFORM_APPLICATION_ARN: '',
    });

    expect(config.platformApplications).toEqual(pushOff);
  });

  it('still refuses a value that is not a platform application ARN', () => {
    expect(() =>
      messageWorkerConfig({
        ...worker,
        APNS_PLATFORM_APPLICATION_ARN: 'arn:aws:sns:us-east-1:123456789012:my-topic',
        FCM_PLATFORM_APPLICATION_ARN: fcmArn,
      }),
    ).toThrow(/APNS_PLATFORM_APPLICATION_ARN/);
  });
});
