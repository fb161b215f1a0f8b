import { randomUUID } from 'node:crypto';
import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { ensureUser, signIn } from '../../sandbox/cognito/users';

export interface BenchUser {
  sub: string;
  email: string;
  idToken: string;
  headers: { Authorization: string };
}

const clients = new Map<string, CognitoIdentityProviderClient>();

/** A new confirmed user of the sandbox's pool, signed in with a real ID token. */
export async function createBenchUser(outputs: Record<string, string>): Promise<BenchUser> {
  const endpoint = outputs.CognitoEndpoint as string;
  let cognito = clients.get(endpoint);
  if (!cognito) {
    cognito = new CognitoIdentityProviderClient({
      endpoint,
      region: 'us-east-1',
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    });
    clients.set(endpoint, cognito);
  }
  const email = `bench-${randomUUID()}@example.com`;
  const password = 'Bench-password-1!';
  const { sub } = await ensureUser(cognito, {
    userPoolId: outputs.UserPoolId as string,
    email,
    password,
  });
  const { idToken } = await signIn(cognito, {
    clientId: outputs.UserPoolClientId as string,
    email,
    password,
  });
  return { sub, email, idToken, headers: { Authorization: `Bearer ${idToken}` } };
}
