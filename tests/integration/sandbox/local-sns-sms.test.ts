import { SNSClient } from '@aws-sdk/client-sns';
import { SnsSmsSender } from '@mobile-backend/domain/messaging';
import { startLocalPush, type LocalPush } from '../../../sandbox/push/server';

// The SMS adapter against the local SNS endpoint, through the real SDK: the
// Query protocol's PhoneNumber and MessageAttributes as the SDK sends them.

let push: LocalPush;
let sender: SnsSmsSender;
const lines: string[] = [];

beforeAll(async () => {
  push = await startLocalPush({
    port: 0,
    arnPrefix: 'arn:aws:sns:us-east-1:000000000000',
    log: (line) => void lines.push(line),
  });
  sender = new SnsSmsSender(
    new SNSClient({
      endpoint: push.endpoint,
      region: 'us-east-1',
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    }),
  );
});

afterAll(() => push.stop());

describe('SMS through the local SNS endpoint', () => {
  it('keeps a published SMS in the outbox with its type, and prints one line', async () => {
    const outcome = await sender.send('+14155550100', 'You have a new message.');
    const url = `${push.outboxUrl}?phoneNumber=${encodeURIComponent('+14155550100')}`;
    const { items } = (await (await fetch(url)).json()) as { items: unknown[] };

    expect(outcome).toBe('sent');
    expect(items).toEqual([
      expect.objectContaining({
        kind: 'sms',
        phoneNumber: '+14155550100',
        text: 'You have a new message.',
        smsType: 'Transactional',
      }),
    ]);
    expect(lines.filter((line) => line.includes('+14155550100'))).toHaveLength(1);
  });

  it('refuses a number that is not E.164 as SNS does', async () => {
    await expect(sender.send('0415555010', 'hi')).resolves.toBe('refused');
  });

  it('keeps SMS out of a listing of one user’s pushes', async () => {
    await sender.send('+14155550101', 'hi');

    const { items } = (await (await fetch(`${push.outboxUrl}?userId=u1`)).json()) as {
      items: unknown[];
    };

    expect(items).toEqual([]);
  });
});
