import type { Device } from '../../../../../layers/domain/src/messaging/devices/device';
import { DeviceOperations } from '../../../../../layers/domain/src/messaging/devices/device-operations';
import type { DeviceStore } from '../../../../../layers/domain/src/messaging/devices/device-store';
import type { StoredMessage } from '../../../../../layers/domain/src/messaging/message';
import { PushDelivery } from '../../../../../layers/domain/src/messaging/push/push-delivery';
import type { PushSender } from '../../../../../layers/domain/src/messaging/push/push-sender';
import { InMemoryPushReceipts } from '../../support/in-memory-stores';

// A message comes back from the queue when one of its pushes failed: the retry
// must reach the phone that missed it, and no phone twice.

const applications = {
  ios: 'arn:aws:sns:us-east-1:123456789012:app/APNS/app',
  android: 'arn:aws:sns:us-east-1:123456789012:app/GCM/app',
};
const message: StoredMessage = {
  messageId: '01JD0000000000000000000002',
  from: 'alice',
  to: 'bob',
  text: 'hi',
  sentAt: '2026-12-01T10:00:00.000Z',
};
const device = (deviceId: string, platform: 'ios' | 'android'): Device => ({
  userId: 'bob',
  deviceId,
  platform,
  token: `${deviceId}-token`,
  endpointArn: `arn:aws:sns:us-east-1:123456789012:endpoint/${deviceId}`,
  createdAt: '2026-12-01T09:00:00.000Z',
});

function deliveryTo(devices: Device[], failing: Set<string>) {
  const store = {
    listByUser: async () => devices,
  } as unknown as DeviceStore;
  const published: string[] = [];
  const push = {
    publish: async (endpointArn: string) => {
      if (failing.has(endpointArn)) throw new Error('provider outage');
      published.push(endpointArn);
      return 'delivered' as const;
    },
  } as unknown as PushSender;
  const receipts = new InMemoryPushReceipts();
  const delivery = new PushDelivery({
    store,
    devices: {} as DeviceOperations,
    push,
    applications,
    receipts,
  });
  return { delivery, published, receipts };
}

const firstAttempt = { newlyStored: true };
const retry = { newlyStored: false };

describe('a retried push', () => {
  it('reaches only the device that missed it, and no device twice', async () => {
    // prepare
    const phone = device('phone', 'ios');
    const tablet = device('tablet', 'android');
    const failing = new Set([tablet.endpointArn ?? '']);
    const { delivery, published } = deliveryTo([phone, tablet], failing);
    await expect(delivery.deliver(message, firstAttempt)).rejects.toThrow(
      'Push failed for 1 of 2 devices',
    );

    // act
    failing.clear();
    await delivery.deliver(message, retry);

    // assess
    expect(published).toEqual([phone.endpointArn, tablet.endpointArn]);
  });

  it('pushes nothing again once every device has it', async () => {
    const { delivery, published } = deliveryTo([device('phone', 'ios')], new Set());
    await delivery.deliver(message, firstAttempt);

    await delivery.deliver(message, retry);

    expect(published).toHaveLength(1);
  });

  it("keeps each message's receipts apart", async () => {
    const phone = device('phone', 'ios');
    const { delivery, published } = deliveryTo([phone], new Set());
    await delivery.deliver(message, firstAttempt);

    await delivery.deliver({ ...message, messageId: '01JD0000000000000000000003' }, firstAttempt);

    expect(published).toEqual([phone.endpointArn, phone.endpointArn]);
  });

  it('reads no receipts for a message stored by this attempt', async () => {
    const phone = device('phone', 'ios');
    const { delivery, published, receipts } = deliveryTo([phone], new Set());
    // A receipt that no earlier attempt of a newly stored message could have left.
    await receipts.record(message.messageId, phone.deviceId);

    await delivery.deliver(message, firstAttempt);

    expect(published).toEqual([phone.endpointArn]);
  });
});
