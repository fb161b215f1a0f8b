// Cognito gives a user made by a federated sign-in the status
// EXTERNAL_PROVIDER; the local Cognito made it with AdminCreateUser and says
// FORCE_CHANGE_PASSWORD. Pre-sign-up triggers tell federated users from
// password accounts by that status (and link only to the latter), so the
// front shows Cognito's status for users made from an identity.
import { identitiesOf } from '../federated-identities';
import type { FrontStep } from './steps';

interface UserAnswer {
  UserStatus?: unknown;
  Attributes?: { Name?: string; Value?: string }[];
  UserAttributes?: { Name?: string; Value?: string }[];
}

const madeByFederation = (user: UserAnswer) =>
  identitiesOf(user.Attributes ?? user.UserAttributes).some(
    (identity) => identity.primary === 'true',
  );

const withCognitoStatus = <User extends UserAnswer>(user: User): User =>
  madeByFederation(user) ? { ...user, UserStatus: 'EXTERNAL_PROVIDER' } : user;

export const showFederatedStatus: FrontStep = async (request, _context, next) => {
  const { operation } = request;
  if (operation !== 'ListUsers' && operation !== 'AdminGetUser') return next();
  const answer = await next();
  if (answer.status !== 200) return answer;
  if (operation === 'AdminGetUser') return { ...answer, body: withCognitoStatus(answer.body) };
  const users = Array.isArray(answer.body.Users) ? (answer.body.Users as UserAnswer[]) : [];
  return { ...answer, body: { ...answer.body, Users: users.map(withCognitoStatus) } };
};
