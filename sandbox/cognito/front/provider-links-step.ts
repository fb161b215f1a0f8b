// Account linking, which cognito-local lacks: AdminLinkProviderForUser adds
// an identity at a provider to an existing user's `identities`, so that the
// person signs in with that provider as that user (the hosted sign-in finds
// users by identity); AdminDisableProviderForUser takes a link away again.
// Both are answered on cognito-local's data, with Cognito's refusals.
import { SET_USER_IDENTITIES } from '../cognito-local-targets.mjs';
import {
  identitiesOf,
  isSubject,
  newIdentity,
  userWithSubject,
  type FederatedIdentity,
  type ProviderSubject,
} from '../federated-identities';
import { cognitoError, type CognitoAnswer, type FrontContext, type FrontStep } from './steps';

/** Cognito's limit of identities linked to one user. */
export const MAX_LINKED_IDENTITIES = 5;

interface PoolUser {
  Username: string;
  Attributes?: { Name?: string; Value?: string }[];
}

interface ProviderUser {
  ProviderName?: unknown;
  ProviderAttributeName?: unknown;
  ProviderAttributeValue?: unknown;
}

const invalid = (message: string) => cognitoError(400, 'InvalidParameterException', message);
const ok: CognitoAnswer = { status: 200, body: {} };

export const answerProviderLinks: FrontStep = (request, context, next) => {
  const { operation, body } = request;
  if (operation === 'AdminLinkProviderForUser') return linkProvider(body, context);
  if (operation === 'AdminDisableProviderForUser') return disableProvider(body, context, next);
  if (operation === SET_USER_IDENTITIES) {
    return Promise.resolve(
      cognitoError(400, 'UnknownOperationException', `${operation} is not an operation of Cognito`),
    );
  }
  return next();
};

async function linkProvider(
  body: Record<string, unknown>,
  context: FrontContext,
): Promise<CognitoAnswer> {
  const poolId = body.UserPoolId;
  const source = subjectOf(body.SourceUser as ProviderUser | undefined);
  if (typeof poolId !== 'string') return invalid('UserPoolId is required');
  if (typeof source === 'string') return invalid(`Invalid SourceUser: ${source}`);
  const users = await listUsers(poolId, context);
  if ('status' in users) return users;
  const destination = await destinationOf(
    poolId,
    body.DestinationUser as ProviderUser,
    users,
    context,
  );
  if ('status' in destination) return destination;
  if (userWithSubject(users, source)) {
    return invalid(
      'Invalid SourceUser: the identity already signed in as a user or is linked to one; only an identity that has not signed in can be linked',
    );
  }
  const identities = identitiesOf(destination.Attributes);
  if (identities.length >= MAX_LINKED_IDENTITIES) {
    return cognitoError(
      400,
      'LimitExceededException',
      `A user can have at most ${MAX_LINKED_IDENTITIES} linked identities`,
    );
  }
  return setIdentities(poolId, destination, [...identities, newIdentity(source, false)], context);
}

async function disableProvider(
  body: Record<string, unknown>,
  context: FrontContext,
  next: () => Promise<CognitoAnswer>,
): Promise<CognitoAnswer> {
  const user = body.User as ProviderUser | undefined;
  // A password user's own sign-in is cognito-local's to answer (it does not support it).
  if (user?.ProviderName === 'Cognito') return next();
  const poolId = body.UserPoolId;
  const subject = subjectOf(user);
  if (typeof poolId !== 'string') return invalid('UserPoolId is required');
  if (typeof subject === 'string') return invalid(`Invalid User: ${subject}`);
  const users = await listUsers(poolId, context);
  if ('status' in users) return users;
  const owner = userWithSubject(users, subject);
  const identities = identitiesOf(owner?.Attributes);
  const identity = identities.find((entry) => isSubject(entry, subject));
  if (!owner || !identity) return invalid('The identity is not linked to any user of the pool');
  // A federated user made from this identity cannot lose it: Cognito disables that user.
  if (identity.primary === 'true') {
    return context.backend('AdminDisableUser', { UserPoolId: poolId, Username: owner.Username });
  }
  const remaining = identities.filter((entry) => !isSubject(entry, subject));
  return setIdentities(poolId, owner, remaining, context);
}

/** The provider identity a request names; a string says what is wrong with it. */
function subjectOf(user: ProviderUser | undefined): ProviderSubject | string {
  const { ProviderName: providerName, ProviderAttributeValue: userId } = user ?? {};
  if (typeof providerName !== 'string' || typeof userId !== 'string' || !providerName || !userId) {
    return 'ProviderName and ProviderAttributeValue are required';
  }
  if (providerName === 'Cognito') {
    return 'Cognito users with a username/password may not be passed in as a SourceUser, only as a DestinationUser';
  }
  // Sign-ins record the provider's subject; a link by another attribute would never match one.
  if (user?.ProviderAttributeName !== 'Cognito_Subject') {
    return 'ProviderAttributeName must be Cognito_Subject';
  }
  return { providerName, userId };
}

/** A password user by username (`ProviderName: Cognito`), or the user an identity signs in as (among `users`). */
async function destinationOf(
  poolId: string,
  destination: ProviderUser | undefined,
  users: readonly PoolUser[],
  context: FrontContext,
): Promise<PoolUser | CognitoAnswer> {
  const { ProviderName: providerName, ProviderAttributeValue: value } = destination ?? {};
  if (typeof providerName !== 'string' || typeof value !== 'string' || !providerName || !value) {
    return invalid('Invalid DestinationUser: ProviderName and ProviderAttributeValue are required');
  }
  if (providerName !== 'Cognito') {
    const user = userWithSubject(users, { providerName, userId: value });
    return user ?? cognitoError(400, 'UserNotFoundException', 'User does not exist.');
  }
  const answer = await context.backend('AdminGetUser', { UserPoolId: poolId, Username: value });
  if (answer.status !== 200) return answer;
  return {
    Username: String(answer.body.Username),
    Attributes: answer.body.UserAttributes as PoolUser['Attributes'],
  };
}

async function listUsers(
  poolId: string,
  context: FrontContext,
): Promise<PoolUser[] | CognitoAnswer> {
  const answer = await context.backend('ListUsers', { UserPoolId: poolId });
  if (answer.status !== 200) return answer;
  return (answer.body.Users as PoolUser[] | undefined) ?? [];
}

async function setIdentities(
  poolId: string,
  user: PoolUser,
  identities: FederatedIdentity[],
  context: FrontContext,
): Promise<CognitoAnswer> {
  const answer = await context.backend(SET_USER_IDENTITIES, {
    UserPoolId: poolId,
    Username: user.Username,
    Identities: identities.length > 0 ? JSON.stringify(identities) : '',
  });
  return answer.status === 200 ? ok : answer;
}
