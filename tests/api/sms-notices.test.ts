import { jest } from '@jest/globals';
import { call } from './support/http';
import { conversationOf, eventuallyPushes, registerDevice, withProfile } from './support/messaging';
import { SMS_NOTICES_PER_HOUR } from './support/sandbox-parameters';
import {
  aPhoneNumber,
  eventuallySms,
  optInToSms,
  setCognitoPhoneNumber,
  smsTo,
  verifyPhoneNumber,
} from './support/sms';
import { newUser, type TestUser } from './support/users';

// The api sandbox runs with SmsNotices=on (tests/api/support/sandbox-parameters.ts).

jest.setTimeout(30_000);

const settle = () => new Promise((done) => setTimeout(done, 1500));

async function send(from: TestUser, to: TestUser, text: string): Promise<void> {
  const reply = await call('POST', '/v1/messages', {
    token: from.idToken,
    body: { to: to.sub, text },
  });
  if (reply.status !== 202) throw new Error(`POST /v1/messages: ${reply.status} ${reply.text}`);
}

/** A sender, and a recipient with a verified number who opted in to SMS notices. */
async function subscribed(options: { includesText?: boolean } = {}) {
  const [sender, recipient] = await Promise.all([newUser(), newUser()]);
  await Promise.all([withProfile(sender), withProfile(recipient)]);
  const phoneNumber = aPhoneNumber();
  await verifyPhoneNumber(recipient, phoneNumber);
  await optInToSms(recipient, phoneNumber, options);
  return { sender, recipient, phoneNumber };
}

describe('SMS notices', () => {
  it('texts an opted-in user with a verified number and no device exactly once, without the text', async () => {
    // prepare
    const { sender, recipient, phoneNumber } = await subscribed();

    // act
    await send(sender, recipient, 'the keys are under the mat');
    const [first] = await eventuallySms(phoneNumber, 1);
    await conversationOf(recipient, sender);
    await settle();

    // assess
    expect(await smsTo(phoneNumber)).toHaveLength(1);
    expect(first?.smsType).toBe('Transactional');
    expect(first?.text).not.toContain('keys');
    expect(first?.text).toMatch(/new message/i);
  });

  it('puts the message text in the SMS when the user chose it', async () => {
    const { sender, recipient, phoneNumber } = await subscribed({ includesText: true });

    await send(sender, recipient, 'dinner at eight?');
    const [sms] = await eventuallySms(phoneNumber, 1);

    expect(sms?.text).toContain('dinner at eight?');
  });

  it('sends no SMS to a user whose device gets the push', async () => {
    // prepare
    const { sender, recipient, phoneNumber } = await subscribed();
    await registerDevice(recipient, 'ios');

    // act
    await send(sender, recipient, 'pushed, not texted');
    await eventuallyPushes(recipient, 1);
    await settle();

    // assess
    expect(await smsTo(phoneNumber)).toEqual([]);
  });

  it(`sends at most ${SMS_NOTICES_PER_HOUR} SMS per user in an hour`, async () => {
    // prepare
    const { sender, recipient, phoneNumber } = await subscribed();
    const count = SMS_NOTICES_PER_HOUR + 2;

    // act
    for (let n = 1; n <= count; n++) await send(sender, recipient, `message ${n}`);
    await conversationOf(recipient, sender, count);
    await settle();

    // assess: counted per clock hour, so a run across the hour may see the next hour's too
    const perHour = new Map<string, number>();
    for (const sms of await smsTo(phoneNumber)) {
      const hour = sms.sentAt.slice(0, 13);
      perHour.set(hour, (perHour.get(hour) ?? 0) + 1);
    }
    expect(Math.max(...perHour.values())).toBe(SMS_NOTICES_PER_HOUR);
  });

  it('sends no SMS to a number that was never verified', async () => {
    // prepare
    const [sender, recipient] = await Promise.all([newUser(), newUser()]);
    await Promise.all([withProfile(sender), withProfile(recipient)]);
    const phoneNumber = aPhoneNumber();
    await setCognitoPhoneNumber(recipient, phoneNumber);
    await optInToSms(recipient, phoneNumber);

    // act
    await send(sender, recipient, 'anyone?');
    await conversationOf(recipient, sender);
    await settle();

    // assess
    expect(await smsTo(phoneNumber)).toEqual([]);
  });

  it('sends no SMS to a profile number other than the verified one', async () => {
    // prepare
    const { sender, recipient, phoneNumber: verified } = await subscribed();
    const other = aPhoneNumber();
    await optInToSms(recipient, other);

    // act
    await send(sender, recipient, 'to whom?');
    await conversationOf(recipient, sender);
    await settle();

    // assess
    expect(await smsTo(other)).toEqual([]);
    expect(await smsTo(verified)).toEqual([]);
  });
});

describe('the SMS settings of the profile', () => {
  it('keeps the number and the choices, SMS off and without text until chosen', async () => {
    const user = await withProfile(await newUser());
    const before = await call('GET', '/v1/me', { token: user.idToken });

    const reply = await call('PATCH', '/v1/me', {
      token: user.idToken,
      body: { phoneNumber: '+14155550100', smsNotices: true },
    });

    expect(before.json).toMatchObject({
      phoneNumber: null,
      smsNotices: false,
      smsWithText: false,
    });
    expect(reply.status).toBe(200);
    expect(reply.json).toMatchObject({
      phoneNumber: '+14155550100',
      smsNotices: true,
      smsWithText: false,
    });
  });

  it.each(['0415555010', '+0415555010', '+1 415 555 0100', '+1234567890123456'])(
    'refuses %s as a phone number with a 422 on phoneNumber',
    async (phoneNumber) => {
      const user = await withProfile(await newUser());

      const reply = await call('PATCH', '/v1/me', { token: user.idToken, body: { phoneNumber } });

      expect(reply.status).toBe(422);
      expect(reply.json.errors).toEqual([expect.objectContaining({ path: 'phoneNumber' })]);
    },
  );

  it('refuses SMS notices without a phone number with a 422 on smsNotices', async () => {
    const user = await withProfile(await newUser());

    const reply = await call('PATCH', '/v1/me', {
      token: user.idToken,
      body: { smsNotices: true },
    });

    expect(reply.status).toBe(422);
    expect(reply.json.errors).toEqual([expect.objectContaining({ path: 'smsNotices' })]);
  });
});
