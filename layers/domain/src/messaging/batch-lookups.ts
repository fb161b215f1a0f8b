import type { Connection } from '../realtime/connection';
import type { ConnectionStore } from '../realtime/connection-store';
import type { Device } from './devices/device';
import type { DeviceStore } from './devices/device-store';

/**
 * Reads the records of one queue batch share: a burst to one recipient looks
 * up their devices and connections once, not once per message. Forgotten at
 * the start of every batch, so nothing is older than the invocation; a read
 * that failed is tried again by the next record that needs it.
 */
export class BatchLookups {
  private readonly reads = new Map<string, Promise<unknown>>();

  startBatch(): void {
    this.reads.clear();
  }

  once<T>(key: string, read: () => Promise<T>): Promise<T> {
    const known = this.reads.get(key);
    if (known) return known as Promise<T>;
    const reading = read();
    this.reads.set(key, reading);
    reading.catch(() => this.reads.delete(key));
    return reading;
  }
}

/** The device store, its users' device lists read once per batch. */
export function devicesOncePerBatch(store: DeviceStore, lookups: BatchLookups): DeviceStore {
  return {
    get: (userId, deviceId) => store.get(userId, deviceId),
    put: (device) => store.put(device),
    listByUser: (userId): Promise<Device[]> =>
      lookups.once(`devices#${userId}`, () => store.listByUser(userId)),
    listHolders: (deviceId) => store.listHolders(deviceId),
    delete: (userId, deviceId) => store.delete(userId, deviceId),
  };
}

/** The connection store, its users' open connections read once per batch. */
export function connectionsOncePerBatch(
  store: ConnectionStore,
  lookups: BatchLookups,
): ConnectionStore {
  return {
    put: (connection) => store.put(connection),
    remove: (connectionId) => store.remove(connectionId),
    listByUser: (userId, now): Promise<Connection[]> =>
      lookups.once(`connections#${userId}`, () => store.listByUser(userId, now)),
    removeAllByUser: (userId) => store.removeAllByUser(userId),
  };
}
