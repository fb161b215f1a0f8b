import {
  BatchLookups,
  connectionsOncePerBatch,
  devicesOncePerBatch,
} from '../../../../layers/domain/src/messaging/batch-lookups';
import type { Device } from '../../../../layers/domain/src/messaging/devices/device';
import type { DeviceStore } from '../../../../layers/domain/src/messaging/devices/device-store';
import type { ConnectionStore } from '../../../../layers/domain/src/realtime/connection-store';

function countingDevices(devices: Device[]) {
  const reads: string[] = [];
  const store = {
    listByUser: async (userId: string) => {
      reads.push(userId);
      return devices;
    },
    delete: async () => undefined,
  } as unknown as DeviceStore;
  return { store, reads };
}
const phone = { userId: 'bob', deviceId: 'phone', platform: 'ios' } as Device;

describe('reads shared by the records of one batch', () => {
  it("reads a recipient's devices once for every message of the batch, at once or one after another", async () => {
    const { store, reads } = countingDevices([phone]);
    const lookups = new BatchLookups();
    const devices = devicesOncePerBatch(store, lookups);

    const [first, second] = await Promise.all([
      devices.listByUser('bob'),
      devices.listByUser('bob'),
    ]);
    const third = await devices.listByUser('bob');

    expect([first, second, third]).toEqual([[phone], [phone], [phone]]);
    expect(reads).toEqual(['bob']);
  });

  it('reads each recipient on their own', async () => {
    const { store, reads } = countingDevices([]);
    const devices = devicesOncePerBatch(store, new BatchLookups());

    await devices.listByUser('bob');
    await devices.listByUser('carol');

    expect(reads).toEqual(['bob', 'carol']);
  });

  it('reads again in the next batch', async () => {
    const { store, reads } = countingDevices([phone]);
    const lookups = new BatchLookups();
    const devices = devicesOncePerBatch(store, lookups);
    await devices.listByUser('bob');

    lookups.startBatch();
    await devices.listByUser('bob');

    expect(reads).toEqual(['bob', 'bob']);
  });

  it('tries a failed read again rather than failing every later message with it', async () => {
    let attempts = 0;
    const lookups = new BatchLookups();
    const read = async () => {
      attempts += 1;
      if (attempts === 1) throw new Error('throttled');
      return 'devices';
    };

    await expect(lookups.once('key', read)).rejects.toThrow('throttled');
    const again = await lookups.once('key', read);

    expect(again).toBe('devices');
    expect(attempts).toBe(2);
  });

  it('passes everything but the device list through to the store', async () => {
    const deleted: string[] = [];
    const store = {
      delete: async (userId: string, deviceId: string) =>
        void deleted.push(`${userId}/${deviceId}`),
    } as unknown as DeviceStore;

    await devicesOncePerBatch(store, new BatchLookups()).delete('bob', 'phone');

    expect(deleted).toEqual(['bob/phone']);
  });

  it("reads a user's open connections once per batch, as of the first read", async () => {
    const reads: (Date | undefined)[] = [];
    const store = {
      listByUser: async (_userId: string, now?: Date) => {
        reads.push(now);
        return [];
      },
    } as unknown as ConnectionStore;
    const connections = connectionsOncePerBatch(store, new BatchLookups());
    const now = new Date('2026-12-01T12:00:00.000Z');

    await connections.listByUser('bob', now);
    await connections.listByUser('bob', new Date('2026-12-01T12:00:01.000Z'));

    expect(reads).toEqual([now]);
  });
});
