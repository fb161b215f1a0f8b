import { InvalidParameterException, PublishCommand, SNSClient } from '@aws-sdk/client-sns';
import { mockClient } from 'aws-sdk-client-mock';
import { SnsSmsSender } from '../../../../../layers/domain/src/messaging/sms/sns-sms-sender';

const sns = mockClient(SNSClient);
const meta = { $metadata: {} };

afterEach(() => sns.reset());

describe('SnsSmsSender', () => {
  it('publishes one transactional SMS to the phone number', async () => {
    sns.on(PublishCommand).resolves({ MessageId: 'x' });

    const outcome = await new SnsSmsSender(new SNSClient({})).send('+14155550100', 'hi');

    expect(outcome).toBe('sent');
    expect(sns.commandCalls(PublishCommand).map((call) => call.args[0].input)).toEqual([
      {
        PhoneNumber: '+14155550100',
        Message: 'hi',
        MessageAttributes: {
          'AWS.SNS.SMS.SMSType': { DataType: 'String', StringValue: 'Transactional' },
        },
      },
    ]);
  });

  it('reports a number SNS refuses as refused', async () => {
    sns.on(PublishCommand).rejects(new InvalidParameterException({ message: 'bad', ...meta }));

    await expect(new SnsSmsSender(new SNSClient({})).send('+1', 'hi')).resolves.toBe('refused');
  });

  it('throws other failures, so that the message is retried', async () => {
    sns.on(PublishCommand).rejects(new Error('Throttling'));

    await expect(new SnsSmsSender(new SNSClient({})).send('+14155550100', 'hi')).rejects.toThrow(
      'Throttling',
    );
  });
});
