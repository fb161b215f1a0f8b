import { randomUUID } from 'node:crypto';
import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { ensureUser, signIn } from '../../../sandbox/cognito/users';
import { sandboxOutputs } from './outputs';
import { localClientConfig } from '../../../sandbox/services/sdk-config';

export interface TestUser {
  sub: string;
  email: string;
  password: string;
  idToken: string;
  accessToken: string;
}

let client: CognitoIdentityProviderClient | undefined;

/** The local Cognito at `endpoint`, with the settings the sandbox's own calls use. */
export function localCognitoClient(endpoint: string): CognitoIdentityProviderClient {
  return new CognitoIdentityProviderClient(localClientConfig(endpoint));
}

/** The local Cognito, as an app reaches it (the client calls of the user pool). */
export function cognito(): CognitoIdentityProviderClient {
  client ??= localCognitoClient(sandboxOutputs().CognitoEndpoint);
  return client;
}

/** A new, confirmed user of the sandbox's pool, signed in with real tokens. */
export async function newUser(options: { groups?: string[] } = {}): Promise<TestUser> {
  const { UserPoolId, UserPoolClientId } = sandboxOutputs();
  const email = `user-${randomUUID()}@example.com`;
  const password = `Pw-${randomUUID()}-A1!`;
  const { sub } = await ensureUser(cognito(), {
    userPoolId: UserPoolId,
    email,
    password,
    groups: options.groups ?? [],
  });
  const tokens = await signIn(cognito(), { clientId: UserPoolClientId, email, password });
  return { sub, email, password, idToken: tokens.idToken, accessToken: tokens.accessToken };
}

export async function trySignIn(user: TestUser): Promise<boolean> {
  const { UserPoolClientId } = sandboxOutputs();
  try {
    await signIn(cognito(), {
      clientId: UserPoolClientId,
      email: user.email,
      password: user.password,
    });
    return true;
  } catch {
    return false;
  }
}
