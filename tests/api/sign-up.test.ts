import { jest } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import {
  CognitoIdentityProviderClient,
  ConfirmSignUpCommand,
  InitiateAuthCommand,
  SignUpCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { call, eventually } from './support/http';
import { mailsTo } from './support/mail-outbox';
import { sandboxOutputs } from './support/outputs';

// Each test signs a user up, confirms it through the mail outbox and signs in:
// several round trips to the local Cognito, slow while the whole suite runs.
jest.setTimeout(30_000);

// An app's own sign-up against the local Cognito: the confirmation code that
// Cognito would email lands in the sandbox's mail outbox.

it('confirms a signed-up user with the code from the mail outbox, who can then sign in', async () => {
  // prepare
  const { CognitoEndpoint, UserPoolClientId } = sandboxOutputs();
  const cognito = new CognitoIdentityProviderClient({
    endpoint: CognitoEndpoint,
    region: 'us-east-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  const email = `app-${randomUUID()}@example.com`;
  const password = `Pw-${randomUUID()}-A1!`;
  await cognito.send(
    new SignUpCommand({
      ClientId: UserPoolClientId,
      Username: email,
      Password: password,
      UserAttributes: [{ Name: 'email', Value: email }],
    }),
  );

  // act
  const [mail] = await eventually(
    () => mailsTo(email),
    (mails) => mails.length > 0,
  );
  await cognito.send(
    new ConfirmSignUpCommand({
      ClientId: UserPoolClientId,
      Username: email,
      ConfirmationCode: mail?.code,
    }),
  );
  const signedIn = await cognito.send(
    new InitiateAuthCommand({
      ClientId: UserPoolClientId,
      AuthFlow: 'USER_PASSWORD_AUTH',
      AuthParameters: { USERNAME: email, PASSWORD: password },
    }),
  );
  cognito.destroy();

  // assess
  expect(mail?.code).toMatch(/^\d{6}$/);
  const me = await call('GET', '/v1/me', { token: signedIn.AuthenticationResult?.IdToken });
  expect(me.status).toBe(200);
  expect(me.json.email).toBe(email);
});
