// The identity pool calls a client SDK makes for guests and for users signed
// in through the user pool, with Cognito's errors: GetId, then
// GetCredentialsForIdentity (enhanced flow: the role comes from the pool's
// role attachment, and must trust the pool's identities of that kind).
import type { IssuedCredentials } from '../iam/issued-credentials';
import type { Identities, LocalIdentity } from './identities';
import type { IdentityPoolRole, IdentityPoolSpec } from './identity-pools';
import { roleTrusts } from './role-trust';

export class CognitoIdentityError extends Error {
  constructor(
    readonly type: string,
    message: string,
    readonly status = 400,
  ) {
    super(message);
  }
}

/** A verified ID token of a provider the pool federates with: the `Logins` entry it came as. */
export interface VerifiedLogin {
  provider: string;
  subject: string;
}

export interface IdentityPoolBackend {
  pools: readonly IdentityPoolSpec[];
  identities: Identities;
  credentials: IssuedCredentials;
  region: string;
  /** Checks a `Logins` map's tokens; a Cognito error when one is not valid. */
  verifyLogins(pool: IdentityPoolSpec, logins: Record<string, string>): Promise<VerifiedLogin[]>;
}

type Input = Record<string, unknown>;

function poolOf(backend: IdentityPoolBackend, poolId: unknown): IdentityPoolSpec {
  const pool = backend.pools.find((candidate) => candidate.id === poolId);
  if (!pool) {
    throw new CognitoIdentityError(
      'ResourceNotFoundException',
      `IdentityPool '${String(poolId)}' not found.`,
    );
  }
  return pool;
}

function loginsOf(input: Input): Record<string, string> | undefined {
  const logins = input.Logins;
  if (logins === undefined) return undefined;
  if (typeof logins !== 'object' || logins === null || Array.isArray(logins)) {
    throw new CognitoIdentityError('InvalidParameterException', 'Logins must be a map.');
  }
  return Object.fromEntries(Object.entries(logins).map(([key, value]) => [key, String(value)]));
}

const loginName = (login: VerifiedLogin) => `${login.provider}:${login.subject}`;

async function getId(backend: IdentityPoolBackend, input: Input) {
  const pool = poolOf(backend, input.IdentityPoolId);
  const logins = loginsOf(input);
  if (!logins || Object.keys(logins).length === 0) {
    assertGuestsAllowed(pool);
    return { IdentityId: backend.identities.create(pool.id, backend.region).id };
  }
  const [login] = await backend.verifyLogins(pool, logins);
  const name = loginName(login as VerifiedLogin);
  const existing = backend.identities.ofLogin(pool.id, name);
  if (existing) return { IdentityId: existing.id };
  const identity = backend.identities.create(pool.id, backend.region);
  backend.identities.link(identity, name);
  return { IdentityId: identity.id };
}

async function getCredentialsForIdentity(backend: IdentityPoolBackend, input: Input) {
  const identity = backend.identities.find(String(input.IdentityId ?? ''));
  if (!identity) {
    throw new CognitoIdentityError(
      'ResourceNotFoundException',
      `Identity '${String(input.IdentityId)}' not found.`,
    );
  }
  const pool = poolOf(backend, identity.poolId);
  const logins = loginsOf(input) ?? {};
  const signedIn = await signIn(backend, pool, identity, logins);
  const kind = signedIn ? 'authenticated' : 'unauthenticated';
  if (!signedIn) assertGuestsAllowed(pool);
  const role = roleFor(pool, kind);
  const credential = backend.credentials.issue({
    identityPoolId: pool.id,
    identityId: identity.id,
    authenticationType: kind,
    ...(signedIn && { authenticationProvider: authenticationProviderOf(signedIn) }),
    roleArn: role.arn,
    policies: role.policies,
  });
  return {
    IdentityId: identity.id,
    Credentials: {
      AccessKeyId: credential.accessKeyId,
      SecretKey: credential.secretAccessKey,
      SessionToken: credential.sessionToken,
      Expiration: Math.floor(credential.expiresAt.getTime() / 1000),
    },
  };
}

/**
 * The login the identity is used with now, if any: a signed-in identity needs
 * its login again; a guest identity given a login becomes that login's.
 */
async function signIn(
  backend: IdentityPoolBackend,
  pool: IdentityPoolSpec,
  identity: LocalIdentity,
  logins: Record<string, string>,
): Promise<VerifiedLogin | undefined> {
  if (Object.keys(logins).length === 0) {
    if (identity.login === undefined) return undefined;
    throw new CognitoIdentityError(
      'NotAuthorizedException',
      `Access to Identity '${identity.id}' is forbidden.`,
    );
  }
  const [login] = (await backend.verifyLogins(pool, logins)) as [VerifiedLogin];
  const name = loginName(login);
  const owner = backend.identities.ofLogin(pool.id, name);
  if (identity.login === undefined && owner === undefined) backend.identities.link(identity, name);
  else if (identity.login !== name) {
    throw new CognitoIdentityError(
      'NotAuthorizedException',
      "Logins don't match. Please include at least one valid login for this identity or identity pool.",
    );
  }
  return login;
}

function assertGuestsAllowed(pool: IdentityPoolSpec): void {
  if (!pool.allowUnauthenticated) {
    throw new CognitoIdentityError(
      'NotAuthorizedException',
      'Unauthenticated access is not supported for this identity pool.',
    );
  }
}

function roleFor(
  pool: IdentityPoolSpec,
  kind: 'authenticated' | 'unauthenticated',
): IdentityPoolRole {
  const role = pool.roles[kind];
  if (!role || !roleTrusts(role.trustPolicy, pool.id, kind)) {
    throw new CognitoIdentityError(
      'InvalidIdentityPoolConfigurationException',
      'Invalid identity pool configuration. Check assigned IAM roles for this pool.',
    );
  }
  return role;
}

/** As API Gateway passes `cognitoAuthenticationProvider` for a user pool sign-in. */
function authenticationProviderOf(login: VerifiedLogin): string {
  return `${login.provider},${login.provider}:CognitoSignIn:${login.subject}`;
}

export const OPERATIONS: Readonly<
  Record<string, (backend: IdentityPoolBackend, input: Input) => Promise<object>>
> = {
  GetId: getId,
  GetCredentialsForIdentity: getCredentialsForIdentity,
};
