import { logger, metrics, MetricUnit } from '../../observability';
import type { StoredMessage } from '../message';
import type { MessageDelivery } from '../message-delivery';
import type { AppReach } from './app-reach';
import type { PhoneVerification } from './phone-verification';
import type { SmsAllowance } from './sms-allowance';
import { isVerifiedNumber, smsTextFor } from './sms-notice';
import type { SmsSender } from './sms-sender';
import type { SmsSubscriptions } from './sms-subscriptions';

export interface SmsDeliveryParts {
  subscriptions: SmsSubscriptions;
  reach: AppReach;
  verification: PhoneVerification;
  allowance: SmsAllowance;
  sender: SmsSender;
}

/**
 * An SMS notice for a recipient the app cannot reach: opted in, no open
 * WebSocket connection and no device to push to, a number Cognito verified,
 * and SMS left this hour. The checks run from the cheapest, so most messages
 * cost one profile read. One SMS per message: the claim is taken before the
 * SMS, so a crash in between loses that SMS rather than sending it twice.
 */
export class SmsDelivery implements MessageDelivery {
  constructor(private readonly parts: SmsDeliveryParts) {}

  async deliver(message: StoredMessage): Promise<void> {
    const subscription = await this.parts.subscriptions.of(message.to);
    if (!subscription || (await this.parts.reach.reaches(message.to))) return;
    const context = { messageId: message.messageId, userId: message.to };
    const verified = await this.parts.verification.verifiedPhoneNumberOf(message.to);
    if (!isVerifiedNumber(subscription, verified)) {
      logger.info('SMS skipped: the phone number is not verified', context);
      return;
    }
    const claim = await this.parts.allowance.claim(message.to, message.messageId);
    if (claim.outcome !== 'granted') {
      reportUnclaimed(claim.outcome, context);
      return;
    }
    let outcome;
    try {
      outcome = await this.parts.sender.send(
        subscription.phoneNumber,
        smsTextFor(message, subscription),
      );
    } catch (error) {
      await releaseQuietly(claim.release, context);
      throw error;
    }
    if (outcome === 'refused') {
      logger.warn('SMS refused: SNS cannot text this number', context);
      await releaseQuietly(claim.release, context);
      return;
    }
    metrics.addMetric('SmsSent', MetricUnit.Count, 1);
  }
}

function reportUnclaimed(outcome: 'sent-already' | 'capped', context: Record<string, string>) {
  if (outcome === 'sent-already') {
    logger.info('SMS skipped: sent already for this message', context);
    return;
  }
  logger.info('SMS skipped: hourly limit reached', context);
  metrics.addMetric('SmsCapped', MetricUnit.Count, 1);
}

/** A claim that cannot be given back only means the retry sends no SMS: never the reason to fail. */
async function releaseQuietly(
  release: () => Promise<void>,
  context: Record<string, string>,
): Promise<void> {
  try {
    await release();
  } catch (error) {
    logger.warn('Could not release the SMS claim; this message gets no SMS', {
      ...context,
      error: error as Error,
    });
  }
}
