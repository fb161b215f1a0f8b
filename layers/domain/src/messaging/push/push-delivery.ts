import { logger, metrics, MetricUnit } from '../../observability';
import type { Device, DevicePlatform } from '../devices/device';
import type { DeviceOperations, PlatformApplications } from '../devices/device-operations';
import type { DeviceStore } from '../devices/device-store';
import type { StoredMessage } from '../message';
import type { MessageDelivery } from '../message-delivery';
import { notificationFor, type PushNotification } from './push-notification';
import type { PushSender } from './push-sender';

/**
 * A push notification to every device of the recipient. An endpoint that SNS
 * reports disabled or gone is forgotten, and does not fail the message; any
 * other failure does, after every device had its chance. Push off for a
 * platform (no credentials, so no platform application) is a state, not a
 * failure: its devices are skipped, said once per message in the log and
 * counted in the `PushSkipped` metric.
 */
export class PushDelivery implements MessageDelivery {
  constructor(
    private readonly store: DeviceStore,
    private readonly devices: DeviceOperations,
    private readonly push: PushSender,
    private readonly applications: PlatformApplications,
  ) {}

  async deliver(message: StoredMessage): Promise<void> {
    const recipients = await this.store.listByUser(message.to);
    const pushable = recipients.filter((device) => isPushable(device, this.applications));
    this.reportSkipped(
      message,
      recipients.filter((device) => !isPushable(device, this.applications)),
    );
    const notification = notificationFor(message);
    const results = await Promise.allSettled(
      pushable.map((device) => this.pushTo(device, notification)),
    );
    const failures = results.filter((result) => result.status === 'rejected');
    if (failures.length > 0) {
      throw new AggregateError(
        failures.map((failure) => failure.reason),
        `Push failed for ${failures.length} of ${pushable.length} devices`,
      );
    }
  }

  private async pushTo(device: PushableDevice, notification: PushNotification): Promise<void> {
    const outcome = await this.push.publish(device.endpointArn, notification);
    if (outcome === 'gone') {
      logger.info('Push endpoint is disabled or gone; forgetting the device', {
        userId: device.userId,
        deviceId: device.deviceId,
      });
      await this.devices.forget(device);
    }
  }

  private reportSkipped(message: StoredMessage, skipped: Device[]): void {
    if (skipped.length === 0) return;
    const platforms = [...new Set(skipped.map((device) => device.platform))].sort();
    logger.info('push skipped: not configured', {
      platform: platforms.join(','),
      messageId: message.messageId,
      userId: message.to,
      devices: skipped.length,
    });
    for (const platform of platforms) countSkipped(platform, skipped);
  }
}

type PushableDevice = Device & { endpointArn: string };

/** Its platform has an application and the device an endpoint (it had none while push was off). */
function isPushable(device: Device, applications: PlatformApplications): device is PushableDevice {
  return applications[device.platform] !== '' && device.endpointArn !== undefined;
}

/** One metric per platform, with its own dimension: the function's other metrics keep theirs. */
function countSkipped(platform: DevicePlatform, skipped: Device[]): void {
  const metric = metrics.singleMetric();
  metric.addDimension('platform', platform);
  const count = skipped.filter((device) => device.platform === platform).length;
  metric.addMetric('PushSkipped', MetricUnit.Count, count);
}
