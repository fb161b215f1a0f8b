// The user a federated sign-in stands for, kept in the local Cognito pool so
// that Cognito calls made with its tokens (GetUser, AssociateSoftwareToken, …)
// find it. The local Cognito keeps users of an email-username pool under their
// email, so the federated identity is recorded in the `identities` attribute,
// as Cognito records it, and a user is found again by email and identity.
import {
  AdminCreateUserCommand,
  AdminGetUserCommand,
  AdminListGroupsForUserCommand,
  UserNotFoundException,
  type AttributeType,
  type CognitoIdentityProviderClient,
} from '@aws-sdk/client-cognito-identity-provider';

/** What the (test) identity provider says about the person who signed in. */
export interface FederatedSignIn {
  /** The identity provider's name in the pool, e.g. `Google`, `SignInWithApple`. */
  providerName: string;
  /** The person's id at the provider (its `sub`). */
  subject: string;
  email: string;
  name?: string;
}

/** An entry of Cognito's `identities` claim. */
export interface FederatedIdentity {
  userId: string;
  providerName: string;
  providerType: string;
  issuer: null;
  primary: 'true' | 'false';
  dateCreated: string;
}

export interface PoolUser {
  sub: string;
  /** Cognito's username of the federated user: `<provider>_<subject>`, e.g. `google_1234`. */
  username: string;
  email: string;
  name?: string;
  groups: string[];
  identities: FederatedIdentity[];
}

/** An account with the email exists that this identity is not linked to. */
export class UnlinkedAccountError extends Error {}

const SOCIAL_PROVIDER_TYPES = new Set(['Google', 'SignInWithApple', 'Facebook', 'LoginWithAmazon']);

export function federatedUsername(signIn: Pick<FederatedSignIn, 'providerName' | 'subject'>) {
  return `${signIn.providerName.toLowerCase()}_${signIn.subject}`;
}

export async function ensureFederatedUser(
  cognito: CognitoIdentityProviderClient,
  userPoolId: string,
  signIn: FederatedSignIn,
): Promise<PoolUser> {
  const existing = await findUser(cognito, userPoolId, signIn.email);
  if (existing && !identitiesOf(existing).some((identity) => isIdentity(identity, signIn))) {
    throw new UnlinkedAccountError(
      `An account with ${signIn.email} exists and ${signIn.providerName} is not linked to it`,
    );
  }
  if (!existing) await createUser(cognito, userPoolId, signIn);
  const attributes = existing ?? (await findUser(cognito, userPoolId, signIn.email)) ?? [];
  const sub = valueOf(attributes, 'sub');
  if (!sub) throw new Error(`The local Cognito kept no sub for ${signIn.email}`);
  const { Groups: groups = [] } = await cognito.send(
    new AdminListGroupsForUserCommand({ UserPoolId: userPoolId, Username: signIn.email }),
  );
  const name = valueOf(attributes, 'name');
  return {
    sub,
    username: federatedUsername(signIn),
    email: signIn.email,
    ...(name !== undefined && { name }),
    groups: groups.flatMap((group) => (group.GroupName ? [group.GroupName] : [])),
    identities: identitiesOf(attributes),
  };
}

async function createUser(
  cognito: CognitoIdentityProviderClient,
  userPoolId: string,
  signIn: FederatedSignIn,
): Promise<void> {
  const identity: FederatedIdentity = {
    userId: signIn.subject,
    providerName: signIn.providerName,
    providerType: SOCIAL_PROVIDER_TYPES.has(signIn.providerName) ? signIn.providerName : 'OIDC',
    issuer: null,
    primary: 'true',
    dateCreated: String(Date.now()),
  };
  await cognito.send(
    new AdminCreateUserCommand({
      UserPoolId: userPoolId,
      Username: signIn.email,
      MessageAction: 'SUPPRESS',
      UserAttributes: [
        { Name: 'email', Value: signIn.email },
        // Providers vouch for the emails they give; Cognito marks them verified through the mapping.
        { Name: 'email_verified', Value: 'true' },
        ...(signIn.name ? [{ Name: 'name', Value: signIn.name }] : []),
        { Name: 'identities', Value: JSON.stringify([identity]) },
      ],
    }),
  );
}

async function findUser(
  cognito: CognitoIdentityProviderClient,
  userPoolId: string,
  email: string,
): Promise<AttributeType[] | undefined> {
  try {
    const user = await cognito.send(
      new AdminGetUserCommand({ UserPoolId: userPoolId, Username: email }),
    );
    return user.UserAttributes ?? [];
  } catch (error) {
    if (error instanceof UserNotFoundException) return undefined;
    throw error;
  }
}

function valueOf(attributes: AttributeType[], name: string): string | undefined {
  return attributes.find((attribute) => attribute.Name === name)?.Value;
}

function identitiesOf(attributes: AttributeType[]): FederatedIdentity[] {
  const text = valueOf(attributes, 'identities');
  if (!text) return [];
  try {
    const parsed = JSON.parse(text) as unknown;
    return Array.isArray(parsed) ? (parsed as FederatedIdentity[]) : [];
  } catch {
    return [];
  }
}

function isIdentity(identity: FederatedIdentity, signIn: FederatedSignIn): boolean {
  return identity.providerName === signIn.providerName && identity.userId === signIn.subject;
}
