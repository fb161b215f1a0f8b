import {
  isVerifiedNumber,
  SMS_WITHOUT_TEXT,
  smsTextFor,
} from '../../../../../layers/domain/src/messaging/sms/sms-notice';

const message = {
  messageId: 'm1',
  from: 'alice',
  to: 'bob',
  text: 'hello',
  sentAt: '2026-12-01T10:00:00.000Z',
};
const withText = { phoneNumber: '+14155550100', includesText: true };

describe('the SMS text', () => {
  it('says only that a message arrived unless the recipient chose the text', () => {
    expect(smsTextFor(message, { ...withText, includesText: false })).toBe(SMS_WITHOUT_TEXT);
  });

  it('carries a short text whole', () => {
    expect(smsTextFor(message, withText)).toBe('New message: hello');
  });

  it('cuts a long text to 120 characters, the last one an ellipsis, without splitting an emoji', () => {
    const text = `${'a'.repeat(118)}🙂🙂🙂`;

    const sms = smsTextFor({ ...message, text }, withText);

    expect(sms).toBe(`New message: ${'a'.repeat(118)}🙂…`);
  });

  it('keeps a text of exactly 120 characters as it is', () => {
    const text = 'b'.repeat(120);

    expect(smsTextFor({ ...message, text }, withText)).toBe(`New message: ${text}`);
  });
});

describe('the verified number', () => {
  it('counts only when Cognito verified the very number of the profile', () => {
    expect(isVerifiedNumber(withText, '+14155550100')).toBe(true);
    expect(isVerifiedNumber(withText, '+14155550101')).toBe(false);
    expect(isVerifiedNumber(withText, undefined)).toBe(false);
  });
});
