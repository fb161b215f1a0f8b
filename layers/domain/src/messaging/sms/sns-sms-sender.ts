import { PublishCommand, type SNSClient } from '@aws-sdk/client-sns';
import { createSnsClient } from '../sns-client';
import type { SmsOutcome, SmsSender } from './sms-sender';

const REFUSALS = ['InvalidParameterException', 'InvalidParameterValueException'];

/** SNS SMS, transactional (the route SNS keeps for time-critical texts); the endpoint comes from AWS_ENDPOINT_URL_SNS when set. */
export class SnsSmsSender implements SmsSender {
  constructor(private readonly client: SNSClient) {}

  static create(client: SNSClient = createSnsClient()): SnsSmsSender {
    return new SnsSmsSender(client);
  }

  async send(phoneNumber: string, text: string): Promise<SmsOutcome> {
    try {
      await this.client.send(
        new PublishCommand({
          PhoneNumber: phoneNumber,
          Message: text,
          MessageAttributes: {
            'AWS.SNS.SMS.SMSType': { DataType: 'String', StringValue: 'Transactional' },
          },
        }),
      );
      return 'sent';
    } catch (error) {
      // SNS refuses a number it cannot text (malformed, unsupported country) as a bad parameter.
      if (error instanceof Error && REFUSALS.includes(error.name)) return 'refused';
      throw error;
    }
  }
}
