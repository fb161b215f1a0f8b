import { NotFoundError } from '../../errors';
import type { PushSender } from '../push/push-sender';
import { deviceIdOf, parseRegisterDevice, viewOf } from './device';
import type { Device, DevicePlatform, DeviceView } from './device';
import type { DeviceStore } from './device-store';

/** The SNS platform application of each device platform; '' where push is off. */
export type PlatformApplications = Record<DevicePlatform, string>;

/** What device registration asks of accounts (ActiveAccounts answers it). */
export interface DeviceAccounts {
  /** Throws for an account that is being, or has been, erased. */
  assertActive(userId: string): Promise<void>;
}

export interface DeviceOperationsOptions {
  now?: () => Date;
  /** Registering for an erased account would leave an endpoint nobody owns; without it every account may. */
  accounts?: DeviceAccounts;
}

/** The device use cases: a device is an SNS platform endpoint kept under its user. */
export class DeviceOperations {
  private readonly now: () => Date;
  private readonly accounts: DeviceAccounts | undefined;

  constructor(
    private readonly store: DeviceStore,
    private readonly push: PushSender,
    private readonly applications: PlatformApplications,
    options: DeviceOperationsOptions = {},
  ) {
    this.now = options.now ?? (() => new Date());
    this.accounts = options.accounts;
  }

  /**
   * Registers a token, or finds its device again and makes sure its endpoint
   * is usable. A phone that changes hands keeps its token: the endpoint then
   * moves to the new user, and the previous holder's record goes, so that
   * their messages are no longer pushed to someone else's phone. While push
   * is off for the platform the device is kept without an endpoint: it gets
   * one when the app registers it again with push on.
   */
  async register(userId: string, input: unknown): Promise<DeviceView> {
    const { platform, token } = parseRegisterDevice(input);
    await this.accounts?.assertActive(userId);
    const deviceId = deviceIdOf(platform, token);
    const known = await this.store.get(userId, deviceId);
    const applicationArn = this.applications[platform];
    if (known?.endpointArn && applicationArn) {
      if (await this.reuseEndpoint(known.endpointArn, token)) return viewOf(known);
    } else if (known?.endpointArn) {
      // Push was on when it registered; its endpoint would only be an orphan now.
      await this.push.deleteEndpoint(known.endpointArn);
    }
    const endpointArn = applicationArn
      ? await this.usableEndpoint(applicationArn, token, userId)
      : undefined;
    const device: Device = {
      deviceId,
      userId,
      platform,
      token,
      ...(endpointArn && { endpointArn }),
      createdAt: known?.createdAt ?? this.now().toISOString(),
    };
    await this.store.put(device);
    await this.releaseFromOthers(device);
    return viewOf(device);
  }

  /** Whether the known endpoint still exists; APNs/FCM rejected it once, so re-enable it. */
  private async reuseEndpoint(endpointArn: string, token: string): Promise<boolean> {
    const endpoint = await this.push.getEndpoint(endpointArn);
    if (!endpoint) return false;
    // The app registering the token again means it is valid again.
    if (!endpoint.enabled || endpoint.token !== token) {
      await this.push.enableEndpoint(endpointArn, token);
    }
    return true;
  }

  private async usableEndpoint(
    applicationArn: string,
    token: string,
    userId: string,
  ): Promise<string> {
    const endpointArn = await this.push.createEndpoint(applicationArn, token, userId);
    const endpoint = await this.push.getEndpoint(endpointArn);
    if (endpoint && !endpoint.enabled) await this.push.enableEndpoint(endpointArn, token);
    return endpointArn;
  }

  /**
   * Other users' records of this token. Where SNS moved their endpoint to
   * `device.userId` only the record goes; an endpoint of theirs that is not
   * this device's (push off now, or another application) goes with it.
   */
  private async releaseFromOthers(device: Device): Promise<void> {
    for (const holder of await this.store.listHolders(device.deviceId)) {
      if (holder.userId === device.userId) continue;
      if (holder.endpointArn === device.endpointArn) {
        await this.store.delete(holder.userId, holder.deviceId);
      } else {
        await this.forget(holder);
      }
    }
  }

  async list(userId: string): Promise<{ items: DeviceView[]; nextCursor: null }> {
    const devices = await this.store.listByUser(userId);
    devices.sort((a, b) => a.createdAt.localeCompare(b.createdAt));
    return { items: devices.map(viewOf), nextCursor: null };
  }

  async remove(userId: string, deviceId: string): Promise<void> {
    const device = await this.store.get(userId, deviceId);
    if (!device) throw new NotFoundError('No such device.');
    await this.forget(device);
  }

  /** Account erasure: every device and its endpoint. Safe to run again. */
  async removeAll(userId: string): Promise<void> {
    for (const device of await this.store.listByUser(userId)) await this.forget(device);
  }

  /** The endpoint first: a device record without an endpoint is harmless, the reverse would leak pushes. */
  async forget(device: Device): Promise<void> {
    if (device.endpointArn) await this.push.deleteEndpoint(device.endpointArn);
    await this.store.delete(device.userId, device.deviceId);
  }
}
