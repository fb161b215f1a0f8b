import type { Device } from './device';

/** Where a user's devices are kept. */
export interface DeviceStore {
  get(userId: string, deviceId: string): Promise<Device | undefined>;
  put(device: Device): Promise<void>;
  /** Every device of a user (a handful at most). */
  listByUser(userId: string): Promise<Device[]>;
  /** Every user's record of this device (its token), whoever registered it. */
  listHolders(deviceId: string): Promise<Device[]>;
  delete(userId: string, deviceId: string): Promise<void>;
}
