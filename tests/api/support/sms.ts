import { randomInt } from 'node:crypto';
import {
  GetUserAttributeVerificationCodeCommand,
  GetUserCommand,
  UpdateUserAttributesCommand,
  VerifyUserAttributeCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { call, eventually } from './http';
import { mailsTo } from './mail-outbox';
import { sandboxOutputs } from './outputs';
import { cognito, type TestUser } from './users';

/** One SMS in the sandbox's SNS outbox. */
export interface Sms {
  kind: 'sms';
  phoneNumber: string;
  text: string;
  smsType: string | null;
  sentAt: string;
}

/** A number of its own per test, so tests share the outbox without seeing each other. */
export const aPhoneNumber = (): string =>
  `+1555${String(randomInt(0, 10_000_000)).padStart(7, '0')}`;

/** Every SMS sent to the number so far. */
export async function smsTo(phoneNumber: string): Promise<Sms[]> {
  const url = `${sandboxOutputs().PushOutboxUrl}?phoneNumber=${encodeURIComponent(phoneNumber)}`;
  const { items } = (await (await fetch(url)).json()) as { items: Sms[] };
  return items;
}

export async function eventuallySms(phoneNumber: string, count: number): Promise<Sms[]> {
  return eventually(
    () => smsTo(phoneNumber),
    (sms) => sms.length >= count,
    10_000,
  );
}

/** The app's side: set the number on the Cognito user, without confirming it; returns the codes sent. */
export async function setCognitoPhoneNumber(user: TestUser, phoneNumber: string): Promise<number> {
  const { CodeDeliveryDetailsList = [] } = await cognito().send(
    new UpdateUserAttributesCommand({
      AccessToken: user.accessToken,
      UserAttributes: [{ Name: 'phone_number', Value: phoneNumber }],
    }),
  );
  return CodeDeliveryDetailsList.length;
}

/**
 * The app's side of phone verification: set the number, ask Cognito for a
 * code and confirm it. The local Cognito sends that code to the user's email
 * (the pool auto-verifies email only), so the test reads it from the mail outbox.
 * It also sends one when the number is set: only the last code counts, so the
 * test waits for every code it was told about.
 */
export async function verifyPhoneNumber(user: TestUser, phoneNumber: string): Promise<void> {
  const mailsBefore = (await mailsTo(user.email)).length;
  const sentOnUpdate = await setCognitoPhoneNumber(user, phoneNumber);
  await cognito().send(
    new GetUserAttributeVerificationCodeCommand({
      AccessToken: user.accessToken,
      AttributeName: 'phone_number',
    }),
  );
  const mails = await eventually(
    async () => {
      await nudgeLocalCognito();
      return mailsTo(user.email);
    },
    (all) => all.length >= mailsBefore + sentOnUpdate + 1,
  );
  await cognito().send(
    new VerifyUserAttributeCommand({
      AccessToken: user.accessToken,
      AttributeName: 'phone_number',
      Code: mails.at(-1)?.code,
    }),
  );
}

/**
 * The local Cognito's logger can hold its last box (the code) back until it
 * writes again; a refused request makes it write the refusal, and the box
 * with it.
 */
async function nudgeLocalCognito(): Promise<void> {
  await cognito()
    .send(new GetUserCommand({ AccessToken: 'not-a-token' }))
    .catch(() => undefined);
}

/** `PATCH /v1/me` opting in to SMS notices at the number. */
export async function optInToSms(
  user: TestUser,
  phoneNumber: string,
  options: { includesText?: boolean } = {},
): Promise<void> {
  const reply = await call('PATCH', '/v1/me', {
    token: user.idToken,
    body: { phoneNumber, smsNotices: true, smsWithText: options.includesText ?? false },
  });
  if (reply.status !== 200) throw new Error(`PATCH /v1/me: ${reply.status} ${reply.text}`);
}
