// A user's federated identities, as Cognito keeps them in the `identities`
// attribute (JSON text): the identity a federated user was made from
// (`primary: "true"`) and the ones linked to the user afterwards. Shared by the
// hosted sign-in, which finds users by identity, and the front's linking step.

/** An entry of the `identities` attribute and of the ID token's `identities` claim. */
export interface FederatedIdentity {
  userId: string;
  providerName: string;
  providerType: string;
  issuer: null;
  primary: 'true' | 'false';
  dateCreated: string;
}

/** A person at a provider: the pool's provider name and their id there. */
export interface ProviderSubject {
  providerName: string;
  userId: string;
}

interface Attribute {
  Name?: string;
  Value?: string;
}

interface UserWithAttributes {
  Attributes?: Attribute[];
}

const SOCIAL_PROVIDER_TYPES = new Set(['Google', 'SignInWithApple', 'Facebook', 'LoginWithAmazon']);

/** Social providers have their own type; the template's other provider is OIDC or SAML by name. */
export function providerTypeOf(providerName: string): string {
  return SOCIAL_PROVIDER_TYPES.has(providerName) ? providerName : 'OIDC';
}

export function newIdentity(subject: ProviderSubject, primary: boolean): FederatedIdentity {
  return {
    userId: subject.userId,
    providerName: subject.providerName,
    providerType: providerTypeOf(subject.providerName),
    issuer: null,
    primary: primary ? 'true' : 'false',
    dateCreated: String(Date.now()),
  };
}

/** The parsed attribute; an absent or unreadable one is no identity. */
export function identitiesOf(attributes: readonly Attribute[] | undefined): FederatedIdentity[] {
  const text = attributes?.find((attribute) => attribute.Name === 'identities')?.Value;
  if (!text) return [];
  try {
    const parsed = JSON.parse(text) as unknown;
    return Array.isArray(parsed) ? (parsed as FederatedIdentity[]) : [];
  } catch {
    return [];
  }
}

/** Provider names compare without case, as Cognito compares them. */
export function isSubject(identity: FederatedIdentity, subject: ProviderSubject): boolean {
  return (
    identity.providerName.toLowerCase() === subject.providerName.toLowerCase() &&
    identity.userId === subject.userId
  );
}

/** The user this person signs in as: the one made from the identity or the one it is linked to. */
export function userWithSubject<User extends UserWithAttributes>(
  users: readonly User[],
  subject: ProviderSubject,
): User | undefined {
  return users.find((user) =>
    identitiesOf(user.Attributes).some((identity) => isSubject(identity, subject)),
  );
}
