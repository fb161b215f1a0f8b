import { createCognitoAuth } from '../../../client/src/cognito-auth';

interface Sent {
  operation: string;
  body: Record<string, unknown>;
}

/** Cognito's JSON API as a fetch that records each call and answers from `answer`. */
function cognitoFetch(answer: (sent: Sent) => Record<string, unknown>) {
  const sent: Sent[] = [];
  const fake = async (_input: string | URL | Request, init?: RequestInit) => {
    const target = (init?.headers as Record<string, string>)['X-Amz-Target'] ?? '';
    const call = {
      operation: target.replace('AWSCognitoIdentityProviderService.', ''),
      body: JSON.parse(String(init?.body)) as Record<string, unknown>,
    };
    sent.push(call);
    return new Response(JSON.stringify(answer(call)), { status: 200 });
  };
  return { sent, fetch: fake as typeof fetch };
}

const signedIn = {
  AuthenticationResult: {
    IdToken: 'id',
    AccessToken: 'access',
    RefreshToken: 'r',
    ExpiresIn: 3600,
  },
};
const endpoint = 'http://cognito';

describe('the Cognito sign-in of the client', () => {
  it('starts USER_SRP_AUTH by default, with SRP_A and not the password', async () => {
    const { sent, fetch } = cognitoFetch(() => ({ ChallengeName: 'SOMETHING_ELSE' }));
    const auth = createCognitoAuth({ endpoint, clientId: 'c', userPoolId: 'local_P', fetch });

    await expect(auth.signIn('ada@example.com', 'Secret-1!')).rejects.toThrow(/SOMETHING_ELSE/);

    expect(sent).toHaveLength(1);
    expect(sent[0]?.body).toMatchObject({
      ClientId: 'c',
      AuthFlow: 'USER_SRP_AUTH',
      AuthParameters: { USERNAME: 'ada@example.com', SRP_A: expect.stringMatching(/^[0-9a-f]+$/) },
    });
    expect(JSON.stringify(sent[0]?.body)).not.toContain('Secret-1!');
  });

  it('signs in with USER_PASSWORD_AUTH when told to', async () => {
    const { sent, fetch } = cognitoFetch(() => signedIn);
    const auth = createCognitoAuth({
      endpoint,
      clientId: 'c',
      authFlow: 'USER_PASSWORD_AUTH',
      fetch,
    });

    const tokens = await auth.signIn('ada@example.com', 'Secret-1!');

    expect(tokens).toMatchObject({ idToken: 'id', refreshToken: 'r' });
    expect(sent[0]?.body).toMatchObject({
      AuthFlow: 'USER_PASSWORD_AUTH',
      AuthParameters: { USERNAME: 'ada@example.com', PASSWORD: 'Secret-1!' },
    });
  });

  it('refuses USER_SRP_AUTH without the user pool id, which SRP hashes', () => {
    const create = () => createCognitoAuth({ endpoint, clientId: 'c' });

    expect(create).toThrow(/UserPoolId/);
  });

  it('sends one refresh for requests that ask for one at the same time', async () => {
    const { sent, fetch } = cognitoFetch(() => signedIn);
    const auth = createCognitoAuth({
      endpoint,
      clientId: 'c',
      authFlow: 'USER_PASSWORD_AUTH',
      fetch,
    });
    auth.useTokens({ idToken: 'old', accessToken: 'old', refreshToken: 'r', expiresAt: 0 });

    const [first, second] = await Promise.all([auth.refresh(), auth.refresh()]);

    expect(sent.filter((call) => call.body.AuthFlow === 'REFRESH_TOKEN_AUTH')).toHaveLength(1);
    expect(first).toBe(second);
    expect(first.idToken).toBe('id');
  });
});
