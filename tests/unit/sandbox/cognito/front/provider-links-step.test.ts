import { SET_USER_IDENTITIES } from '../../../../../sandbox/cognito/cognito-local-targets.mjs';
import { identitiesOf } from '../../../../../sandbox/cognito/federated-identities';
import { answerProviderLinks } from '../../../../../sandbox/cognito/front/provider-links-step';
import {
  cognitoError,
  type CognitoAnswer,
  type FrontContext,
} from '../../../../../sandbox/cognito/front/steps';
import { createPoolDirectory } from '../../../../../sandbox/cognito/pool-directory';
import { unusedPasswords } from './unused-passwords';

// A stand-in for cognito-local's side: a pool of users with attributes, and
// the operations the step calls on it.
interface FakeUser {
  Username: string;
  Attributes: { Name: string; Value: string }[];
  Enabled: boolean;
}

const POOL = 'local_pool';

function fakePool(users: FakeUser[]) {
  const notFound = cognitoError(400, 'UserNotFoundException', 'User does not exist.');
  const find = (username: unknown) => users.find((user) => user.Username === username);
  const backend = async (operation: string, body: Record<string, unknown>) => {
    if (body.UserPoolId !== POOL) {
      return cognitoError(400, 'ResourceNotFoundException', 'User pool not found');
    }
    const user = find(body.Username);
    if (operation === 'ListUsers') return { status: 200, body: { Users: users } };
    if (!user) return notFound;
    if (operation === 'AdminGetUser') {
      return { status: 200, body: { Username: user.Username, UserAttributes: user.Attributes } };
    }
    if (operation === SET_USER_IDENTITIES) {
      user.Attributes = [
        ...user.Attributes.filter((attribute) => attribute.Name !== 'identities'),
        ...(body.Identities ? [{ Name: 'identities', Value: String(body.Identities) }] : []),
      ];
      return { status: 200, body: {} };
    }
    if (operation === 'AdminDisableUser') {
      user.Enabled = false;
      return { status: 200, body: {} };
    }
    throw new Error(`unexpected ${operation}`);
  };
  const context: FrontContext = {
    pools: createPoolDirectory(),
    backend,
    call: backend,
    log: () => undefined,
    passwords: unusedPasswords,
  };
  return { context, find };
}

const passwordUser = (username: string): FakeUser => ({
  Username: username,
  Attributes: [{ Name: 'email', Value: `${username}@example.com` }],
  Enabled: true,
});

const federatedUser = (username: string, providerName: string, userId: string): FakeUser => ({
  Username: username,
  Attributes: [
    {
      Name: 'identities',
      Value: JSON.stringify([
        { userId, providerName, providerType: providerName, issuer: null, primary: 'true' },
      ]),
    },
  ],
  Enabled: true,
});

const google = (userId: string) => ({
  ProviderName: 'Google',
  ProviderAttributeName: 'Cognito_Subject',
  ProviderAttributeValue: userId,
});

const link = (destination: string, source: Record<string, string>) => ({
  operation: 'AdminLinkProviderForUser',
  body: {
    UserPoolId: POOL,
    DestinationUser: { ProviderName: 'Cognito', ProviderAttributeValue: destination },
    SourceUser: source,
  },
});

const passedOn: CognitoAnswer = { status: 299, body: { passed: true } };
const next = () => Promise.resolve(passedOn);

describe('AdminLinkProviderForUser in the Cognito front', () => {
  it("adds the source identity to the password user's identities", async () => {
    // prepare
    const { context, find } = fakePool([passwordUser('alice')]);

    // act
    const answer = await answerProviderLinks(link('alice', google('111')), context, next);

    // assess
    expect(answer).toEqual({ status: 200, body: {} });
    expect(identitiesOf(find('alice')?.Attributes)).toEqual([
      expect.objectContaining({
        userId: '111',
        providerName: 'Google',
        providerType: 'Google',
        primary: 'false',
      }),
    ]);
  });

  it('keeps the identities the user already had', async () => {
    // prepare
    const { context, find } = fakePool([passwordUser('alice')]);
    await answerProviderLinks(link('alice', google('111')), context, next);

    // act
    await answerProviderLinks(
      link('alice', { ...google('222'), ProviderName: 'SignInWithApple' }),
      context,
      next,
    );

    // assess
    expect(identitiesOf(find('alice')?.Attributes).map((identity) => identity.userId)).toEqual([
      '111',
      '222',
    ]);
  });

  it('refuses a destination user that does not exist', async () => {
    // prepare
    const { context } = fakePool([passwordUser('alice')]);

    // act
    const answer = await answerProviderLinks(link('nobody', google('111')), context, next);

    // assess
    expect(answer.body.__type).toBe('UserNotFoundException');
  });

  it('refuses a source identity already linked to another user', async () => {
    // prepare
    const { context, find } = fakePool([passwordUser('alice'), passwordUser('bob')]);
    await answerProviderLinks(link('alice', google('111')), context, next);

    // act
    const answer = await answerProviderLinks(link('bob', google('111')), context, next);

    // assess
    expect(answer.body.__type).toBe('InvalidParameterException');
    expect(identitiesOf(find('bob')?.Attributes)).toEqual([]);
  });

  it('refuses a source identity that already signed in as its own user', async () => {
    // prepare
    const { context } = fakePool([passwordUser('alice'), federatedUser('g', 'Google', '111')]);

    // act
    const answer = await answerProviderLinks(link('alice', google('111')), context, next);

    // assess
    expect(answer.body.__type).toBe('InvalidParameterException');
  });

  it.each([
    ['a Cognito user as source', { ProviderName: 'Cognito', ProviderAttributeValue: 'bob' }],
    ['a source without its subject', { ProviderName: 'Google' }],
    ['a source named by another attribute', { ...google('1'), ProviderAttributeName: 'email' }],
  ])('refuses %s', async (_case, source) => {
    // prepare
    const { context, find } = fakePool([passwordUser('alice')]);

    // act
    const answer = await answerProviderLinks(link('alice', source), context, next);

    // assess
    expect(answer.body.__type).toBe('InvalidParameterException');
    expect(identitiesOf(find('alice')?.Attributes)).toEqual([]);
  });

  it('refuses a sixth identity', async () => {
    // prepare
    const { context } = fakePool([passwordUser('alice')]);
    for (const userId of ['1', '2', '3', '4', '5']) {
      await answerProviderLinks(link('alice', google(userId)), context, next);
    }

    // act
    const answer = await answerProviderLinks(link('alice', google('6')), context, next);

    // assess
    expect(answer.body.__type).toBe('LimitExceededException');
  });

  it("passes on cognito-local's refusal of an unknown pool", async () => {
    // prepare
    const { context } = fakePool([passwordUser('alice')]);
    const request = link('alice', google('111'));

    // act
    const answer = await answerProviderLinks(
      { ...request, body: { ...request.body, UserPoolId: 'local_other' } },
      context,
      next,
    );

    // assess
    expect(answer.body.__type).toBe('ResourceNotFoundException');
  });
});

describe('AdminDisableProviderForUser in the Cognito front', () => {
  const disable = (user: Record<string, string>) => ({
    operation: 'AdminDisableProviderForUser',
    body: { UserPoolId: POOL, User: user },
  });

  it('removes a linked identity and leaves the user enabled', async () => {
    // prepare
    const { context, find } = fakePool([passwordUser('alice')]);
    await answerProviderLinks(link('alice', google('111')), context, next);

    // act
    const answer = await answerProviderLinks(disable(google('111')), context, next);

    // assess
    expect(answer.status).toBe(200);
    expect(identitiesOf(find('alice')?.Attributes)).toEqual([]);
    expect(find('alice')?.Enabled).toBe(true);
  });

  it('disables the federated user made from the identity', async () => {
    // prepare
    const { context, find } = fakePool([federatedUser('g', 'Google', '111')]);

    // act
    const answer = await answerProviderLinks(disable(google('111')), context, next);

    // assess
    expect(answer.status).toBe(200);
    expect(find('g')?.Enabled).toBe(false);
  });

  it('refuses an identity no user has', async () => {
    // prepare
    const { context } = fakePool([passwordUser('alice')]);

    // act
    const answer = await answerProviderLinks(disable(google('999')), context, next);

    // assess
    expect(answer.body.__type).toBe('InvalidParameterException');
  });
});

describe('the front and other operations', () => {
  it("refuses clients the sandbox's own identities operation", async () => {
    // prepare
    const { context, find } = fakePool([passwordUser('alice')]);

    // act
    const answer = await answerProviderLinks(
      {
        operation: SET_USER_IDENTITIES,
        body: { UserPoolId: POOL, Username: 'alice', Identities: '[]' },
      },
      context,
      next,
    );

    // assess
    expect(answer.body.__type).toBe('UnknownOperationException');
    expect(find('alice')?.Attributes).toEqual(passwordUser('alice').Attributes);
  });

  it('passes every other operation on', async () => {
    // prepare
    const { context } = fakePool([]);

    // act
    const answer = await answerProviderLinks({ operation: 'ListUsers', body: {} }, context, next);

    // assess
    expect(answer).toBe(passedOn);
  });
});
