import { showFederatedStatus } from '../../../../../sandbox/cognito/front/federated-status-step';
import type { CognitoAnswer, FrontContext } from '../../../../../sandbox/cognito/front/steps';
import { createPoolDirectory } from '../../../../../sandbox/cognito/pool-directory';
import { unusedPasswords } from './unused-passwords';

const context: FrontContext = {
  pools: createPoolDirectory(),
  backend: () => Promise.reject(new Error('not in this test')),
  call: () => Promise.reject(new Error('not in this test')),
  log: () => undefined,
  passwords: unusedPasswords,
};

const identities = (primary: 'true' | 'false') => ({
  Name: 'identities',
  Value: JSON.stringify([{ userId: '1', providerName: 'Google', primary }]),
});

const answering = (body: Record<string, unknown>) => () =>
  Promise.resolve<CognitoAnswer>({ status: 200, body });

describe('user statuses shown by the Cognito front', () => {
  it('shows EXTERNAL_PROVIDER in ListUsers for a user made from an identity, and no other', async () => {
    // prepare
    const users = [
      { Username: 'g', UserStatus: 'FORCE_CHANGE_PASSWORD', Attributes: [identities('true')] },
      { Username: 'linked', UserStatus: 'CONFIRMED', Attributes: [identities('false')] },
      { Username: 'plain', UserStatus: 'CONFIRMED', Attributes: [] },
    ];

    // act
    const answer = await showFederatedStatus(
      { operation: 'ListUsers', body: { UserPoolId: 'p' } },
      context,
      answering({ Users: users }),
    );

    // assess
    const statuses = (answer.body.Users as { UserStatus: string }[]).map((u) => u.UserStatus);
    expect(statuses).toEqual(['EXTERNAL_PROVIDER', 'CONFIRMED', 'CONFIRMED']);
  });

  it('shows EXTERNAL_PROVIDER in AdminGetUser for a user made from an identity', async () => {
    // act
    const answer = await showFederatedStatus(
      { operation: 'AdminGetUser', body: { UserPoolId: 'p', Username: 'g' } },
      context,
      answering({ UserStatus: 'FORCE_CHANGE_PASSWORD', UserAttributes: [identities('true')] }),
    );

    // assess
    expect(answer.body.UserStatus).toBe('EXTERNAL_PROVIDER');
  });

  it('leaves other operations as the backend answered them', async () => {
    // prepare
    const body = { UserStatus: 'FORCE_CHANGE_PASSWORD', UserAttributes: [identities('true')] };

    // act
    const answer = await showFederatedStatus(
      { operation: 'GetUser', body: {} },
      context,
      answering(body),
    );

    // assess
    expect(answer.body).toBe(body);
  });
});
