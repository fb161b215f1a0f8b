import { logger } from '../../observability';
import type { DeviceOperations } from '../devices/device-operations';
import type { DeviceStore } from '../devices/device-store';
import type { StoredMessage } from '../message';
import type { MessageDelivery } from '../message-delivery';
import { notificationFor } from './push-notification';
import type { PushSender } from './push-sender';

/**
 * A push notification to every device of the recipient. An endpoint that SNS
 * reports disabled or gone is forgotten, and does not fail the message; any
 * other failure does, after every device had its chance.
 */
export class PushDelivery implements MessageDelivery {
  constructor(
    private readonly store: DeviceStore,
    private readonly devices: DeviceOperations,
    private readonly push: PushSender,
  ) {}

  async deliver(message: StoredMessage): Promise<void> {
    const notification = notificationFor(message);
    const recipients = await this.store.listByUser(message.to);
    const results = await Promise.allSettled(
      recipients.map(async (device) => {
        const outcome = await this.push.publish(device.endpointArn, notification);
        if (outcome === 'gone') {
          logger.info('Push endpoint is disabled or gone; forgetting the device', {
            userId: device.userId,
            deviceId: device.deviceId,
          });
          await this.devices.forget(device);
        }
      }),
    );
    const failures = results.filter((result) => result.status === 'rejected');
    if (failures.length > 0) {
      throw new AggregateError(
        failures.map((failure) => failure.reason),
        `Push failed for ${failures.length} of ${recipients.length} devices`,
      );
    }
  }
}
