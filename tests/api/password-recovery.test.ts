import { jest } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import {
  CodeMismatchException,
  ConfirmForgotPasswordCommand,
  ConfirmSignUpCommand,
  ForgotPasswordCommand,
  ResendConfirmationCodeCommand,
  SignUpCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { eventually } from './support/http';
import { mailsTo, type MailedCode } from './support/mail-outbox';
import { sandboxOutputs } from './support/outputs';
import { cognito, newUser, trySignIn } from './support/users';

// Each test signs a user up, confirms it through the mail outbox and signs in:
// several round trips to the local Cognito, slow while the whole suite runs.
jest.setTimeout(30_000);

// Password recovery and a resent sign-up code, with the calls docs/api.md
// lists: the code Cognito would email lands in the sandbox's mail outbox.

async function recoveryCodeFor(email: string): Promise<string> {
  await cognito().send(
    new ForgotPasswordCommand({ ClientId: sandboxOutputs().UserPoolClientId, Username: email }),
  );
  const [mail] = await eventually(
    () => mailsTo(email),
    (mails) => mails.length > 0,
  );
  return mail?.code ?? '';
}

describe('password recovery', () => {
  it('sets a new password with the emailed code: the new one signs in, the old one no longer', async () => {
    // prepare
    const user = await newUser();
    const code = await recoveryCodeFor(user.email);
    const newPassword = `New-${randomUUID()}-B2!`;

    // act
    await cognito().send(
      new ConfirmForgotPasswordCommand({
        ClientId: sandboxOutputs().UserPoolClientId,
        Username: user.email,
        ConfirmationCode: code,
        Password: newPassword,
      }),
    );

    // assess
    expect(code).toMatch(/^\d{6}$/);
    expect(await trySignIn({ ...user, password: newPassword })).toBe(true);
    expect(await trySignIn(user)).toBe(false);
  });

  it('refuses a code that was not sent, and keeps the old password', async () => {
    // prepare
    const user = await newUser();
    const code = await recoveryCodeFor(user.email);
    const wrongCode = code === '000000' ? '111111' : '000000';

    // act
    const confirmed = cognito().send(
      new ConfirmForgotPasswordCommand({
        ClientId: sandboxOutputs().UserPoolClientId,
        Username: user.email,
        ConfirmationCode: wrongCode,
        Password: `New-${randomUUID()}-B2!`,
      }),
    );

    // assess
    await expect(confirmed).rejects.toBeInstanceOf(CodeMismatchException);
    expect(await trySignIn(user)).toBe(true);
  });

  it('answers a request for an unknown email as if a code was sent, so it tells nobody who has an account', async () => {
    // prepare
    const email = `nobody-${randomUUID()}@example.com`;

    // act
    const answer = await cognito().send(
      new ForgotPasswordCommand({ ClientId: sandboxOutputs().UserPoolClientId, Username: email }),
    );

    // assess
    expect(answer.CodeDeliveryDetails).toEqual({
      AttributeName: 'email',
      DeliveryMedium: 'EMAIL',
      Destination: 'n***@e***',
    });
    expect(await mailsTo(email)).toEqual([]);
  });
});

describe('resending a sign-up code', () => {
  async function signedUp(): Promise<string> {
    const email = `resend-${randomUUID()}@example.com`;
    await cognito().send(
      new SignUpCommand({
        ClientId: sandboxOutputs().UserPoolClientId,
        Username: email,
        Password: `Pw-${randomUUID()}-A1!`,
        UserAttributes: [{ Name: 'email', Value: email }],
      }),
    );
    await eventually(
      () => mailsTo(email),
      (mails) => mails.length === 1,
    );
    return email;
  }

  const resend = (email: string) =>
    cognito().send(
      new ResendConfirmationCodeCommand({
        ClientId: sandboxOutputs().UserPoolClientId,
        Username: email,
      }),
    );

  const confirm = (email: string, code: string | undefined) =>
    cognito().send(
      new ConfirmSignUpCommand({
        ClientId: sandboxOutputs().UserPoolClientId,
        Username: email,
        ConfirmationCode: code,
      }),
    );

  /** What a mail says besides its code: the resent one reads as the sign-up mail did. */
  const apartFromCode = (mail: MailedCode | undefined) => ({
    ...mail,
    code: undefined,
    sentAt: undefined,
  });

  it('mails a new code like the first: the first no longer confirms, the new one does', async () => {
    // prepare
    const email = await signedUp();

    // act
    const resent = await resend(email);
    const [first, second] = await eventually(
      () => mailsTo(email),
      (mails) => mails.length === 2,
    );
    const withFirst = confirm(email, first?.code);

    // assess
    expect(resent.CodeDeliveryDetails).toMatchObject({
      AttributeName: 'email',
      DeliveryMedium: 'EMAIL',
    });
    expect(second?.code).toMatch(/^\d{6}$/);
    expect(apartFromCode(second)).toEqual(apartFromCode(first));
    await expect(withFirst).rejects.toBeInstanceOf(CodeMismatchException);
    await expect(confirm(email, second?.code)).resolves.toBeDefined();
  });

  it('refuses a user who is already confirmed, and mails nothing', async () => {
    // prepare
    const user = await newUser();

    // act
    const resent = resend(user.email);

    // assess
    await expect(resent).rejects.toMatchObject({
      name: 'InvalidParameterException',
      message: 'User is already confirmed.',
    });
    expect(await mailsTo(user.email)).toEqual([]);
  });

  it('answers for an email no one signed up with as if a code was sent, and sends none', async () => {
    // prepare
    const email = `nobody-${randomUUID()}@example.com`;

    // act
    const resent = await resend(email);

    // assess
    expect(resent.CodeDeliveryDetails).toMatchObject({
      DeliveryMedium: 'EMAIL',
      Destination: 'n***@e***',
    });
    expect(await mailsTo(email)).toEqual([]);
  });
});
