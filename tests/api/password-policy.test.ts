import { randomUUID } from 'node:crypto';
import {
  AdminCreateUserCommand,
  AdminSetUserPasswordCommand,
  ChangePasswordCommand,
  InitiateAuthCommand,
  RespondToAuthChallengeCommand,
  SignUpCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { sandboxOutputs } from './support/outputs';
import { cognito, newUser } from './support/users';

// The local pool refuses what the template's pool refuses on AWS: passwords
// against its PasswordPolicy (12 characters, four classes), sign-ups without
// its required attributes, with Cognito's error codes and messages.
const NOT_LONG_ENOUGH = 'Password did not conform with policy: Password not long enough';

const newEmail = () => `policy-${randomUUID()}@example.com`;
const goodPassword = () => `Pw-${randomUUID()}-A1!`;

function signUp(email: string, password: string, attributes = [{ Name: 'email', Value: email }]) {
  return cognito().send(
    new SignUpCommand({
      ClientId: sandboxOutputs().UserPoolClientId,
      Username: email,
      Password: password,
      UserAttributes: attributes,
    }),
  );
}

describe('the local user pool', () => {
  it("refuses the sign-up password 'short' with InvalidPasswordException and the policy's reason", async () => {
    const refused = signUp(newEmail(), 'short');

    await expect(refused).rejects.toMatchObject({
      name: 'InvalidPasswordException',
      message: NOT_LONG_ENOUGH,
      $metadata: { httpStatusCode: 400 },
    });
  });

  it('refuses a long password without a symbol, naming the missing class', async () => {
    const refused = signUp(newEmail(), 'Abcdefghijk123');

    await expect(refused).rejects.toMatchObject({
      name: 'InvalidPasswordException',
      message: 'Password did not conform with policy: Password must have symbol characters',
    });
  });

  it('accepts a sign-up with a password that meets the policy', async () => {
    const signedUp = await signUp(newEmail(), goodPassword());

    expect(signedUp.UserConfirmed).toBe(false);
    expect(signedUp.UserSub).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('refuses a sign-up without the required email attribute', async () => {
    const refused = signUp(newEmail(), goodPassword(), []);

    await expect(refused).rejects.toMatchObject({
      name: 'InvalidParameterException',
      message: 'Attributes did not conform to the schema: email: The attribute is required',
    });
  });

  it('refuses a weak password set by an admin, and a weak new password of a signed-in user', async () => {
    const user = await newUser();

    const adminSet = await cognito()
      .send(
        new AdminSetUserPasswordCommand({
          UserPoolId: sandboxOutputs().UserPoolId,
          Username: user.email,
          Password: 'short',
          Permanent: true,
        }),
      )
      .catch((error: unknown) => error);
    const changed = await cognito()
      .send(
        new ChangePasswordCommand({
          AccessToken: user.accessToken,
          PreviousPassword: user.password,
          ProposedPassword: 'short',
        }),
      )
      .catch((error: unknown) => error);

    expect(adminSet).toMatchObject({ name: 'InvalidPasswordException' });
    expect(changed).toMatchObject({ name: 'InvalidPasswordException', message: NOT_LONG_ENOUGH });
  });

  it('refuses a weak new password in the NEW_PASSWORD_REQUIRED challenge, and takes a good one', async () => {
    const { UserPoolId, UserPoolClientId } = sandboxOutputs();
    const email = newEmail();
    const temporary = goodPassword();
    await cognito().send(
      new AdminCreateUserCommand({
        UserPoolId,
        Username: email,
        TemporaryPassword: temporary,
        MessageAction: 'SUPPRESS',
        UserAttributes: [{ Name: 'email', Value: email }],
      }),
    );
    const challenge = await cognito().send(
      new InitiateAuthCommand({
        ClientId: UserPoolClientId,
        AuthFlow: 'USER_PASSWORD_AUTH',
        AuthParameters: { USERNAME: email, PASSWORD: temporary },
      }),
    );
    const respond = (password: string) =>
      cognito().send(
        new RespondToAuthChallengeCommand({
          ClientId: UserPoolClientId,
          ChallengeName: 'NEW_PASSWORD_REQUIRED',
          Session: challenge.Session,
          ChallengeResponses: { USERNAME: email, NEW_PASSWORD: password },
        }),
      );

    const weak = respond('short');
    await expect(weak).rejects.toMatchObject({ name: 'InvalidPasswordException' });
    const accepted = await respond(goodPassword());

    expect(challenge.ChallengeName).toBe('NEW_PASSWORD_REQUIRED');
    expect(accepted.AuthenticationResult?.IdToken).toEqual(expect.any(String));
  });
});
