import { jest } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import {
  CodeMismatchException,
  ConfirmForgotPasswordCommand,
  ForgotPasswordCommand,
  ResendConfirmationCodeCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { eventually } from './support/http';
import { mailsTo } from './support/mail-outbox';
import { sandboxOutputs } from './support/outputs';
import { cognito, newUser, trySignIn } from './support/users';

// Each test signs a user up, confirms it through the mail outbox and signs in:
// several round trips to the local Cognito, slow while the whole suite runs.
jest.setTimeout(30_000);

// Password recovery with the calls docs/api.md lists: the code Cognito would
// email lands in the sandbox's mail outbox.

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
  // The local Cognito has no ResendConfirmationCode (README, "MFA and password
  // recovery"): the call must fail in a way that says so, never look as if a code went out.
  it('is refused loudly by the local Cognito, naming the call as unsupported', async () => {
    // prepare
    const user = await newUser();

    // act
    const resent = cognito().send(
      new ResendConfirmationCodeCommand({
        ClientId: sandboxOutputs().UserPoolClientId,
        Username: user.email,
      }),
    );

    // assess
    await expect(resent).rejects.toThrow(/Unsupported/);
    expect(await mailsTo(user.email)).toEqual([]);
  });
});
