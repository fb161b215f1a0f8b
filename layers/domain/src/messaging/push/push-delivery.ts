import { logger, metrics, MetricUnit } from '../../observability';
import type { Device, DevicePlatform } from '../devices/device';
import type { DeviceOperations, PlatformApplications } from '../devices/device-operations';
import type { DeviceStore } from '../devices/device-store';
import type { StoredMessage } from '../message';
import type { DeliveryAttempt, MessageDelivery } from '../message-delivery';
import { notificationFor, type PushNotification } from './push-notification';
import type { PushReceipts } from './push-receipts';
import type { PushOutcome, PushSender } from './push-sender';

export interface PushDeliveryParts {
  store: DeviceStore;
  devices: DeviceOperations;
  push: PushSender;
  applications: PlatformApplications;
  receipts: PushReceipts;
}

/**
 * A push notification to every device of the recipient. An endpoint that SNS
 * reports disabled or gone is forgotten, and does not fail the message; any
 * other failure does, after every device had its chance. Push off for a
 * platform (no credentials, so no platform application) is a state, not a
 * failure: its devices are skipped, said once per message in the log and
 * counted in the `PushSkipped` metric. Every push attempted is counted as
 * `PushDelivered`, `PushEndpointGone` or `PushFailed`. A retried message is pushed only to
 * the devices its receipts do not list yet; a newly stored one has none to read.
 */
export class PushDelivery implements MessageDelivery {
  constructor(private readonly parts: PushDeliveryParts) {}

  async deliver(message: StoredMessage, attempt: DeliveryAttempt): Promise<void> {
    const recipients = await this.parts.store.listByUser(message.to);
    const pushable = recipients.filter((device) => isPushable(device, this.parts.applications));
    this.reportSkipped(
      message,
      recipients.filter((device) => !isPushable(device, this.parts.applications)),
    );
    const reached =
      pushable.length > 0 && !attempt.newlyStored
        ? await this.parts.receipts.reached(message.messageId)
        : new Set();
    const notification = notificationFor(message);
    const results = await Promise.allSettled(
      pushable
        .filter((device) => !reached.has(device.deviceId))
        .map((device) => this.pushTo(message.messageId, device, notification)),
    );
    countOutcomes(results);
    const failures = results.filter((result) => result.status === 'rejected');
    if (failures.length > 0) {
      throw new AggregateError(
        failures.map((failure) => failure.reason),
        `Push failed for ${failures.length} of ${pushable.length} devices`,
      );
    }
  }

  private async pushTo(
    messageId: string,
    device: PushableDevice,
    notification: PushNotification,
  ): Promise<PushOutcome> {
    const outcome = await this.parts.push.publish(device.endpointArn, notification);
    // Recorded after the publish: a crash in between may push again, never lose a push.
    if (outcome !== 'gone') await this.parts.receipts.record(messageId, device.deviceId);
    if (outcome === 'gone') {
      logger.info('Push endpoint is disabled or gone; forgetting the device', {
        userId: device.userId,
        deviceId: device.deviceId,
      });
      await this.parts.devices.forget(device);
    }
    return outcome;
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
export function isPushable(
  device: Device,
  applications: PlatformApplications,
): device is PushableDevice {
  return applications[device.platform] !== '' && device.endpointArn !== undefined;
}

/**
 * What the pushes of one message came to, for the operations dashboard:
 * delivered, endpoint gone (device forgotten) or failed (the message is retried).
 */
function countOutcomes(results: PromiseSettledResult<PushOutcome>[]): void {
  if (results.length === 0) return;
  const count = (outcome: PushOutcome) =>
    results.filter((result) => result.status === 'fulfilled' && result.value === outcome).length;
  metrics.addMetric('PushDelivered', MetricUnit.Count, count('delivered'));
  metrics.addMetric('PushEndpointGone', MetricUnit.Count, count('gone'));
  metrics.addMetric(
    'PushFailed',
    MetricUnit.Count,
    results.filter((result) => result.status === 'rejected').length,
  );
}

/** One metric per platform, with its own dimension: the function's other metrics keep theirs. */
function countSkipped(platform: DevicePlatform, skipped: Device[]): void {
  const metric = metrics.singleMetric();
  metric.addDimension('platform', platform);
  const count = skipped.filter((device) => device.platform === platform).length;
  metric.addMetric('PushSkipped', MetricUnit.Count, count);
}
