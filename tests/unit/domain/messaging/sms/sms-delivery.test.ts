import { jest } from '@jest/globals';
import type { StoredMessage } from '../../../../../layers/domain/src/messaging/message';
import type { AppReach } from '../../../../../layers/domain/src/messaging/sms/app-reach';
import type { PhoneVerification } from '../../../../../layers/domain/src/messaging/sms/phone-verification';
import type {
  SmsAllowance,
  SmsClaim,
} from '../../../../../layers/domain/src/messaging/sms/sms-allowance';
import { SmsDelivery } from '../../../../../layers/domain/src/messaging/sms/sms-delivery';
import type { SmsSubscription } from '../../../../../layers/domain/src/messaging/sms/sms-notice';
import type { SmsOutcome } from '../../../../../layers/domain/src/messaging/sms/sms-sender';
import { metrics } from '../../../../../layers/domain/src/observability';

const number = '+14155550100';
const message: StoredMessage = {
  messageId: '01JD0000000000000000000001',
  from: 'alice',
  to: 'bob',
  text: 'the keys are under the mat',
  sentAt: '2026-12-01T10:00:00.000Z',
};

/** The allowance's contract in memory: one claim per message, `perHour` claims per user. */
class MemoryAllowance implements SmsAllowance {
  readonly claimed = new Set<string>();
  constructor(private readonly perHour: number) {}

  async claim(userId: string, messageId: string): Promise<SmsClaim> {
    if (this.claimed.has(messageId)) return { outcome: 'sent-already' };
    if (this.claimed.size >= this.perHour) return { outcome: 'capped' };
    this.claimed.add(messageId);
    return { outcome: 'granted', release: async () => void this.claimed.delete(messageId) };
  }
}

interface Situation {
  subscription?: SmsSubscription;
  reached?: boolean;
  verified?: string;
  perHour?: number;
  send?: () => Promise<SmsOutcome>;
}

function delivery(situation: Situation = {}) {
  const texts: { phoneNumber: string; text: string }[] = [];
  const lookups: string[] = [];
  const reach: AppReach = {
    reaches: async () => {
      lookups.push('reach');
      return situation.reached ?? false;
    },
  };
  const verification: PhoneVerification = {
    verifiedPhoneNumberOf: async () => {
      lookups.push('cognito');
      return 'verified' in situation ? situation.verified : number;
    },
  };
  const allowance = new MemoryAllowance(situation.perHour ?? 3);
  const sms = new SmsDelivery({
    subscriptions: {
      of: async () =>
        'subscription' in situation
          ? situation.subscription
          : { phoneNumber: number, includesText: false },
    },
    reach,
    verification,
    allowance,
    sender: {
      send: async (phoneNumber, text) => {
        const outcome = (await situation.send?.()) ?? 'sent';
        if (outcome === 'sent') texts.push({ phoneNumber, text });
        return outcome;
      },
    },
  });
  return { sms, texts, lookups, allowance };
}

function recordedMetrics(): string[] {
  const names: string[] = [];
  jest.spyOn(metrics, 'addMetric').mockImplementation((name) => {
    names.push(name);
    return metrics;
  });
  return names;
}

afterEach(() => jest.restoreAllMocks());

describe('SmsDelivery', () => {
  it('texts a subscribed recipient whom the app does not reach, without the message text', async () => {
    const { sms, texts } = delivery();
    const counted = recordedMetrics();

    await sms.deliver(message);

    expect(texts).toHaveLength(1);
    expect(texts[0]?.phoneNumber).toBe(number);
    expect(texts[0]?.text).not.toContain('keys');
    expect(counted).toEqual(['SmsSent']);
  });

  it('puts the message text in the SMS when the recipient chose it', async () => {
    const { sms, texts } = delivery({ subscription: { phoneNumber: number, includesText: true } });

    await sms.deliver(message);

    expect(texts[0]?.text).toContain('the keys are under the mat');
  });

  it('looks nothing else up for a recipient who did not opt in', async () => {
    const { sms, texts, lookups } = delivery({ subscription: undefined });

    await sms.deliver(message);

    expect(texts).toEqual([]);
    expect(lookups).toEqual([]);
  });

  it('sends nothing, and asks Cognito nothing, when a connection or a device reaches the recipient', async () => {
    const { sms, texts, lookups } = delivery({ reached: true });

    await sms.deliver(message);

    expect(texts).toEqual([]);
    expect(lookups).toEqual(['reach']);
  });

  it.each([
    ['no verified number', undefined],
    ['another verified number', '+14155550199'],
  ])('sends nothing when Cognito has %s', async (_case, verified) => {
    const { sms, texts, allowance } = delivery({ verified });

    await sms.deliver(message);

    expect(texts).toEqual([]);
    expect(allowance.claimed.size).toBe(0);
  });

  it('sends one SMS for a message however often it is delivered', async () => {
    const { sms, texts } = delivery();

    await sms.deliver(message);
    await sms.deliver(message);

    expect(texts).toHaveLength(1);
  });

  it('stops at the hourly limit and counts the capped notice', async () => {
    const { sms, texts } = delivery({ perHour: 2 });
    const counted = recordedMetrics();

    for (const n of [1, 2, 3]) await sms.deliver({ ...message, messageId: `m${n}` });

    expect(texts).toHaveLength(2);
    expect(counted).toEqual(['SmsSent', 'SmsSent', 'SmsCapped']);
  });

  it('fails the delivery when SNS fails, and the retry sends the SMS', async () => {
    let attempts = 0;
    const { sms, texts } = delivery({
      send: async () => {
        attempts += 1;
        if (attempts === 1) throw new Error('SNS throttled');
        return 'sent';
      },
    });

    await expect(sms.deliver(message)).rejects.toThrow('SNS throttled');
    await sms.deliver(message);

    expect(texts).toHaveLength(1);
  });

  it('gives the claim back and does not fail for a number SNS refuses', async () => {
    const { sms, texts, allowance } = delivery({ send: async () => 'refused' });

    await expect(sms.deliver(message)).resolves.toBeUndefined();

    expect(texts).toEqual([]);
    expect(allowance.claimed.size).toBe(0);
  });
});
