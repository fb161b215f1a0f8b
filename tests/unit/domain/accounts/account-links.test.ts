import {
  AdminLinkProviderForUserCommand,
  CognitoIdentityProviderClient,
  ListUsersCommand,
  type UserType,
} from '@aws-sdk/client-cognito-identity-provider';
import { mockClient } from 'aws-sdk-client-mock';
import type { PreSignUpTriggerEvent } from 'aws-lambda';
import {
  AccountLinker,
  CognitoAccountLinks,
  providerIdentityOf,
} from '@mobile-backend/domain/accounts';

const PROVIDERS = ['Google', 'SignInWithApple', 'Okta'];
const cognito = mockClient(CognitoIdentityProviderClient);

beforeEach(() => cognito.reset());

function signUp(overrides: Partial<PreSignUpTriggerEvent> = {}): PreSignUpTriggerEvent {
  return {
    version: '1',
    region: 'us-east-1',
    userPoolId: 'us-east-1_pool',
    userName: 'Google_1234567890',
    triggerSource: 'PreSignUp_ExternalProvider',
    callerContext: { awsSdkVersion: '3', clientId: 'client' },
    request: { userAttributes: { email: 'Ada@Example.com' } },
    response: { autoConfirmUser: false, autoVerifyEmail: false, autoVerifyPhone: false },
    ...overrides,
  } as PreSignUpTriggerEvent;
}

const user = (overrides: Partial<UserType> & { email?: string; verified?: string }): UserType => ({
  Username: overrides.Username ?? 'native-sub',
  UserStatus: overrides.UserStatus ?? 'CONFIRMED',
  Attributes: [
    { Name: 'email', Value: overrides.email ?? 'ada@example.com' },
    { Name: 'email_verified', Value: overrides.verified ?? 'true' },
  ],
});

const linker = () =>
  new AccountLinker(new CognitoAccountLinks(new CognitoIdentityProviderClient({})), PROVIDERS);

describe('linking a federated sign-up to an existing account', () => {
  it('links the provider identity to the native account with the same verified email', async () => {
    cognito.on(ListUsersCommand).resolves({ Users: [user({})] });
    cognito.on(AdminLinkProviderForUserCommand).resolves({});

    const outcome = await linker().handleSignUp(signUp());

    expect(outcome).toBe('linked');
    expect(cognito.commandCalls(ListUsersCommand)[0]?.args[0].input).toMatchObject({
      UserPoolId: 'us-east-1_pool',
      Filter: 'email = "ada@example.com"',
    });
    expect(cognito.commandCalls(AdminLinkProviderForUserCommand)[0]?.args[0].input).toEqual({
      UserPoolId: 'us-east-1_pool',
      DestinationUser: { ProviderName: 'Cognito', ProviderAttributeValue: 'native-sub' },
      SourceUser: {
        ProviderName: 'Google',
        ProviderAttributeName: 'Cognito_Subject',
        ProviderAttributeValue: '1234567890',
      },
    });
  });

  it.each([
    ['whose email is not verified', user({ verified: 'false' })],
    ['that is itself federated', user({ UserStatus: 'EXTERNAL_PROVIDER' })],
  ])('makes a new account rather than link to one %s', async (_case, existing) => {
    cognito.on(ListUsersCommand).resolves({ Users: [existing] });

    const outcome = await linker().handleSignUp(signUp());

    expect(outcome).toBe('new-account');
    expect(cognito.commandCalls(AdminLinkProviderForUserCommand)).toEqual([]);
  });

  it('makes a new account when no account has the email', async () => {
    cognito.on(ListUsersCommand).resolves({ Users: [] });

    const outcome = await linker().handleSignUp(signUp());

    expect(outcome).toBe('new-account');
  });

  it('leaves password sign-ups alone, without asking the pool', async () => {
    const outcome = await linker().handleSignUp(signUp({ triggerSource: 'PreSignUp_SignUp' }));

    expect(outcome).toBe('not-federated');
    expect(cognito.calls()).toEqual([]);
  });

  it('quotes the email in the ListUsers filter so it cannot widen the search', async () => {
    cognito.on(ListUsersCommand).resolves({ Users: [] });
    const email = 'a"b\\c@example.com';

    await linker().handleSignUp(signUp({ request: { userAttributes: { email } } }));

    expect(cognito.commandCalls(ListUsersCommand)[0]?.args[0].input.Filter).toBe(
      'email = "a\\"b\\\\c@example.com"',
    );
  });
});

describe('the provider identity in a federated user name', () => {
  it.each([
    ['Google_123', { providerName: 'Google', subject: '123' }],
    ['google_123', { providerName: 'Google', subject: '123' }],
    ['signinwithapple_000.abc_def', { providerName: 'SignInWithApple', subject: '000.abc_def' }],
    ['okta_00u1', { providerName: 'Okta', subject: '00u1' }],
  ])('reads %s as the pool provider and its subject', (userName, identity) => {
    expect(providerIdentityOf(userName, PROVIDERS)).toEqual(identity);
  });

  it.each(['Unknown_123', 'Google_', '_123', 'no-separator'])(
    'finds no identity in %s',
    (userName) => {
      expect(providerIdentityOf(userName, PROVIDERS)).toBeUndefined();
    },
  );
});
