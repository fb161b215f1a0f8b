// The user a federated sign-in stands for, kept in the local Cognito pool so
// that Cognito calls made with its tokens (GetUser, AssociateSoftwareToken, …)
// find it. As in Cognito, a person is found by their identity at the provider
// (the `identities` attribute): the user made at their first sign-in, or the
// existing user the pool's pre-sign-up trigger linked them to
// (AdminLinkProviderForUser). A first sign-in runs that trigger, then makes a
// new user unless the trigger linked the identity.
import {
  AdminCreateUserCommand,
  AdminListGroupsForUserCommand,
  ListUsersCommand,
  type AttributeType,
  type CognitoIdentityProviderClient,
  type UserType,
} from '@aws-sdk/client-cognito-identity-provider';
import {
  identitiesOf,
  isSubject,
  newIdentity,
  userWithSubject,
  type FederatedIdentity,
  type ProviderSubject,
} from '../cognito/federated-identities';

export type { FederatedIdentity } from '../cognito/federated-identities';

/** What the (test) identity provider says about the person who signed in. */
export interface FederatedSignIn {
  /** The identity provider's name in the pool, e.g. `Google`, `SignInWithApple`. */
  providerName: string;
  /** The person's id at the provider (its `sub`). */
  subject: string;
  email: string;
  name?: string;
}

export interface PoolUser {
  sub: string;
  /**
   * Cognito's username: `<provider>_<subject>` (e.g. `google_1234`) for a
   * user made by a federated sign-in, the existing user's own for a linked one.
   */
  username: string;
  email: string;
  name?: string;
  groups: string[];
  identities: FederatedIdentity[];
}

/** Where the sign-in happens: the pool and how its users are named. */
export interface SignInPool {
  userPoolId: string;
  /** The local Cognito then keeps users under an email (see createUser). */
  emailUsernames: boolean;
}

/** Runs before a first sign-in makes a user; throws to refuse the sign-in. */
export type BeforeFirstSignIn = (signIn: FederatedSignIn) => Promise<void>;

export function federatedUsername(signIn: Pick<FederatedSignIn, 'providerName' | 'subject'>) {
  return `${signIn.providerName.toLowerCase()}_${signIn.subject}`;
}

const subjectOf = (signIn: FederatedSignIn): ProviderSubject => ({
  providerName: signIn.providerName,
  userId: signIn.subject,
});

export async function ensureFederatedUser(
  cognito: CognitoIdentityProviderClient,
  pool: SignInPool,
  signIn: FederatedSignIn,
  beforeFirstSignIn?: BeforeFirstSignIn,
): Promise<PoolUser> {
  const known = await userOf(cognito, pool.userPoolId, signIn);
  if (known) return poolUserOf(cognito, pool.userPoolId, known, signIn);
  await beforeFirstSignIn?.(signIn);
  const user =
    (await userOf(cognito, pool.userPoolId, signIn)) ?? (await createUser(cognito, pool, signIn));
  return poolUserOf(cognito, pool.userPoolId, user, signIn);
}

/** The user this identity signs in as, if it signed in before or was linked. */
async function userOf(
  cognito: CognitoIdentityProviderClient,
  userPoolId: string,
  signIn: FederatedSignIn,
): Promise<UserType | undefined> {
  const { Users: users = [] } = await cognito.send(
    new ListUsersCommand({ UserPoolId: userPoolId }),
  );
  return userWithSubject(users, subjectOf(signIn));
}

/**
 * A new user, beside any other with the same email, as Cognito makes one.
 * In an email-username pool the local Cognito wants an email as username,
 * refuses one another user has, and keeps the user under its `sub` anyway:
 * the username given is a placeholder, the `email` attribute the real one.
 */
async function createUser(
  cognito: CognitoIdentityProviderClient,
  pool: SignInPool,
  signIn: FederatedSignIn,
): Promise<UserType> {
  const username = federatedUsername(signIn);
  const { User: user } = await cognito.send(
    new AdminCreateUserCommand({
      UserPoolId: pool.userPoolId,
      Username: pool.emailUsernames ? `${username}@federated.invalid` : username,
      MessageAction: 'SUPPRESS',
      UserAttributes: [
        { Name: 'email', Value: signIn.email },
        // Providers vouch for the emails they give; Cognito marks them verified through the mapping.
        { Name: 'email_verified', Value: 'true' },
        ...(signIn.name ? [{ Name: 'name', Value: signIn.name }] : []),
        { Name: 'identities', Value: JSON.stringify([newIdentity(subjectOf(signIn), true)]) },
      ],
    }),
  );
  if (!user) throw new Error(`The local Cognito made no user for ${username}`);
  return user;
}

async function poolUserOf(
  cognito: CognitoIdentityProviderClient,
  userPoolId: string,
  user: UserType,
  signIn: FederatedSignIn,
): Promise<PoolUser> {
  const attributes = user.Attributes ?? [];
  const sub = valueOf(attributes, 'sub');
  if (!sub || !user.Username) throw new Error(`The local Cognito kept no sub for ${signIn.email}`);
  const identities = identitiesOf(attributes);
  const own = identities.some(
    (identity) => identity.primary === 'true' && isSubject(identity, subjectOf(signIn)),
  );
  const { Groups: groups = [] } = await cognito.send(
    new AdminListGroupsForUserCommand({ UserPoolId: userPoolId, Username: user.Username }),
  );
  const name = valueOf(attributes, 'name');
  return {
    sub,
    username: own ? federatedUsername(signIn) : user.Username,
    email: valueOf(attributes, 'email') ?? signIn.email,
    ...(name !== undefined && { name }),
    groups: groups.flatMap((group) => (group.GroupName ? [group.GroupName] : [])),
    identities,
  };
}

function valueOf(attributes: AttributeType[], name: string): string | undefined {
  return attributes.find((attribute) => attribute.Name === name)?.Value;
}
