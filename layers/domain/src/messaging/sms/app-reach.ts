import type { ConnectionStore } from '../../realtime/connection-store';
import type { PlatformApplications } from '../devices/device-operations';
import type { DeviceStore } from '../devices/device-store';
import { isPushable } from '../push/push-delivery';

/** Whether a message reaches the recipient in the app already (port). */
export interface AppReach {
  /** True with an open WebSocket connection or a device that push is on for. */
  reaches(userId: string): Promise<boolean>;
}

/**
 * A device counts when push can reach it (its platform has credentials and
 * the device an endpoint); one whose endpoint SNS reports gone is forgotten
 * by the push delivery, so it stops counting from the next message on.
 */
export class DeviceAndConnectionReach implements AppReach {
  constructor(
    private readonly devices: DeviceStore,
    private readonly connections: ConnectionStore,
    private readonly applications: PlatformApplications,
  ) {}

  async reaches(userId: string): Promise<boolean> {
    const [devices, connections] = await Promise.all([
      this.devices.listByUser(userId),
      this.connections.listByUser(userId),
    ]);
    return (
      connections.length > 0 || devices.some((device) => isPushable(device, this.applications))
    );
  }
}
