import {
  AdminAddUserToGroupCommand,
  AdminCreateUserCommand,
  AdminGetUserCommand,
  AdminSetUserPasswordCommand,
  InitiateAuthCommand,
  UsernameExistsException,
} from '@aws-sdk/client-cognito-identity-provider';
import type { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';

export interface UserToEnsure {
  userPoolId: string;
  email: string;
  password: string;
  groups?: string[];
}

export interface SignInRequest {
  clientId: string;
  email: string;
  password: string;
}

export interface Tokens {
  idToken: string;
  accessToken: string;
  refreshToken: string;
}

/**
 * Makes a confirmed user with a verified email, a permanent password and the given groups.
 * Safe to repeat: an existing user keeps its sub and gets the password and groups asked for.
 */
export async function ensureUser(
  client: CognitoIdentityProviderClient,
  user: UserToEnsure,
): Promise<{ sub: string }> {
  const { userPoolId, email, password } = user;
  try {
    await client.send(
      new AdminCreateUserCommand({
        UserPoolId: userPoolId,
        Username: email,
        TemporaryPassword: password,
        MessageAction: 'SUPPRESS',
        UserAttributes: [
          { Name: 'email', Value: email },
          { Name: 'email_verified', Value: 'true' },
        ],
      }),
    );
  } catch (error) {
    if (!(error instanceof UsernameExistsException)) throw error;
  }
  // A created user must change its temporary password; a permanent one skips that challenge.
  await client.send(
    new AdminSetUserPasswordCommand({
      UserPoolId: userPoolId,
      Username: email,
      Password: password,
      Permanent: true,
    }),
  );
  for (const group of user.groups ?? []) {
    await client.send(
      new AdminAddUserToGroupCommand({ UserPoolId: userPoolId, Username: email, GroupName: group }),
    );
  }
  const { UserAttributes: attributes = [] } = await client.send(
    new AdminGetUserCommand({ UserPoolId: userPoolId, Username: email }),
  );
  const sub = attributes.find((attribute) => attribute.Name === 'sub')?.Value;
  if (!sub) throw new Error(`User ${email} has no sub`);
  return { sub };
}

/** A sign-in that Cognito answered with a challenge (e.g. MFA_SETUP) rather than tokens. */
export class SignInChallengeError extends Error {
  constructor(
    email: string,
    readonly challenge: string,
  ) {
    super(`Sign-in of ${email} did not return tokens (challenge ${challenge})`);
  }
}

/** Signs in with USER_PASSWORD_AUTH: the sandbox's own sign-ins (the demo user, tests) need no SRP. */
export async function signIn(
  client: CognitoIdentityProviderClient,
  request: SignInRequest,
): Promise<Tokens> {
  const { AuthenticationResult: result, ChallengeName: challenge } = await client.send(
    new InitiateAuthCommand({
      ClientId: request.clientId,
      AuthFlow: 'USER_PASSWORD_AUTH',
      AuthParameters: { USERNAME: request.email, PASSWORD: request.password },
    }),
  );
  if (challenge) throw new SignInChallengeError(request.email, challenge);
  if (!result?.IdToken || !result.AccessToken || !result.RefreshToken) {
    throw new Error(`Sign-in of ${request.email} did not return tokens`);
  }
  return {
    idToken: result.IdToken,
    accessToken: result.AccessToken,
    refreshToken: result.RefreshToken,
  };
}
