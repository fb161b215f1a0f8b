import {
  notificationFor,
  platformKeyOfArn,
  snsMessageFor,
} from '../../../../../layers/domain/src/messaging/push/push-notification';

const message = {
  messageId: '01JDQ40A7B9C1D3E5F7G9H1J3K',
  from: 'sender-sub',
  to: 'recipient-sub',
  text: 'Is Tuesday at 10 still good for you?',
  sentAt: '2025-11-22T16:45:12.345Z',
};

describe('push payloads', () => {
  it('puts an APNs alert under aps with the message id and sender beside it', () => {
    // prepare
    const notification = notificationFor(message);

    // act
    const sns = JSON.parse(snsMessageFor('APNS', notification)) as Record<string, string>;

    // assess
    expect(JSON.parse(sns.APNS ?? '')).toEqual({
      aps: { alert: { title: 'New message', body: message.text }, sound: 'default' },
      messageId: message.messageId,
      from: 'sender-sub',
    });
  });

  it('sends the APNs payload under APNS_SANDBOX for a development application', () => {
    const sns = JSON.parse(snsMessageFor('APNS_SANDBOX', notificationFor(message)));

    expect(Object.keys(sns).sort()).toEqual(['APNS_SANDBOX', 'default']);
  });

  it('puts an FCM notification and string data under the GCM key', () => {
    const sns = JSON.parse(snsMessageFor('GCM', notificationFor(message))) as Record<
      string,
      string
    >;

    expect(JSON.parse(sns.GCM ?? '')).toEqual({
      notification: { title: 'New message', body: message.text },
      data: { messageId: message.messageId, from: 'sender-sub' },
    });
  });

  it('gives every other protocol the text as the default message', () => {
    const sns = JSON.parse(snsMessageFor('GCM', notificationFor(message))) as Record<
      string,
      string
    >;

    expect(sns.default).toBe(message.text);
  });

  it('shortens a long text to fit a banner', () => {
    const notification = notificationFor({ ...message, text: 'x'.repeat(2000) });

    expect(notification.body).toHaveLength(180);
    expect(notification.body.endsWith('…')).toBe(true);
  });

  it('reads the platform from an endpoint ARN', () => {
    const arn = 'arn:aws:sns:eu-west-1:123456789012:endpoint/APNS_SANDBOX/app/5e3f0c2a';

    expect(platformKeyOfArn(arn)).toBe('APNS_SANDBOX');
  });

  it('refuses an ARN that is not an APNs or FCM endpoint', () => {
    expect(() => platformKeyOfArn('arn:aws:sns:eu-west-1:123456789012:endpoint/ADM/app/1')).toThrow(
      /Not an APNs or FCM/,
    );
  });
});
