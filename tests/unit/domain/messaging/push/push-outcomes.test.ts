import { jest } from '@jest/globals';
import type { Device } from '../../../../../layers/domain/src/messaging/devices/device';
import type { DeviceOperations } from '../../../../../layers/domain/src/messaging/devices/device-operations';
import type { DeviceStore } from '../../../../../layers/domain/src/messaging/devices/device-store';
import type { StoredMessage } from '../../../../../layers/domain/src/messaging/message';
import { PushDelivery } from '../../../../../layers/domain/src/messaging/push/push-delivery';
import type {
  PushOutcome,
  PushSender,
} from '../../../../../layers/domain/src/messaging/push/push-sender';
import { logger, metrics } from '../../../../../layers/domain/src/observability';
import { InMemoryPushReceipts } from '../../support/in-memory-stores';

// The operations dashboard plots what pushes came to: delivered, endpoint
// gone (the device is forgotten) and failed (the message is retried).

const applications = {
  ios: 'arn:aws:sns:us-east-1:123456789012:app/APNS/app',
  android: 'arn:aws:sns:us-east-1:123456789012:app/GCM/app',
};
const message: StoredMessage = {
  messageId: '01JD0000000000000000000003',
  from: 'alice',
  to: 'bob',
  text: 'hi',
  sentAt: '2026-12-01T10:00:00.000Z',
};
const device = (deviceId: string, endpoint?: string): Device => ({
  userId: 'bob',
  deviceId,
  platform: 'ios',
  token: `${deviceId}-token`,
  ...(endpoint !== undefined && { endpointArn: `arn:aws:sns:us-east-1:123456789012:${endpoint}` }),
  createdAt: '2026-12-01T09:00:00.000Z',
});

/** Each endpoint's answer: an outcome, or `fail` for a provider error. */
function deliveryTo(devices: Device[], answers: Record<string, PushOutcome | 'fail'>) {
  const store = { listByUser: async () => devices } as unknown as DeviceStore;
  const push = {
    publish: async (endpointArn: string) => {
      const answer = answers[endpointArn.split(':').pop() ?? ''];
      if (answer === 'fail' || answer === undefined) throw new Error('provider outage');
      return answer;
    },
  } as unknown as PushSender;
  const forget = async () => undefined;
  return new PushDelivery({
    store,
    devices: { forget } as unknown as DeviceOperations,
    push,
    applications,
    receipts: new InMemoryPushReceipts(),
  });
}

function recordedCounts(): Record<string, number[]> {
  const recorded: Record<string, number[]> = {};
  jest.spyOn(metrics, 'addMetric').mockImplementation((name, _unit, value) => {
    (recorded[name] ??= []).push(value);
    return metrics;
  });
  return recorded;
}

beforeEach(() => {
  jest.spyOn(logger, 'info').mockImplementation(() => undefined);
  jest.spyOn(logger, 'error').mockImplementation(() => undefined);
});
afterEach(() => jest.restoreAllMocks());

describe('the push outcome metrics of one message', () => {
  it('count each device as delivered, endpoint gone or failed', async () => {
    // prepare
    const devices = [
      device('phone', 'endpoint/phone'),
      device('tablet', 'endpoint/tablet'),
      device('old-phone', 'endpoint/old-phone'),
      device('watch', 'endpoint/watch'),
    ];
    const delivery = deliveryTo(devices, {
      'endpoint/phone': 'delivered',
      'endpoint/tablet': 'delivered',
      'endpoint/old-phone': 'gone',
      'endpoint/watch': 'fail',
    });
    const recorded = recordedCounts();

    // act
    await expect(delivery.deliver(message, { newlyStored: true })).rejects.toThrow(
      'Push failed for 1 of 4 devices',
    );

    // assess
    expect(recorded).toEqual({ PushDelivered: [2], PushEndpointGone: [1], PushFailed: [1] });
  });

  it('are not emitted when no device could be pushed', async () => {
    const delivery = deliveryTo([device('phone')], {});
    const recorded = recordedCounts();

    await delivery.deliver(message, { newlyStored: true });

    expect(recorded).toEqual({});
  });
});
