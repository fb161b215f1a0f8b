import { verifyEmailOnConfirmation } from '../../../../../sandbox/cognito/front/confirmation-verifies-email-step';
import { cognitoError, type CognitoAnswer } from '../../../../../sandbox/cognito/front/steps';
import { createPoolDirectory } from '../../../../../sandbox/cognito/pool-directory';
import type { UserPoolSpec } from '../../../../../sandbox/template/model';
import { unusedPasswords } from './unused-passwords';

function contextFor(autoVerifiedAttributes: string[]) {
  const pools = createPoolDirectory();
  pools.add('local_pool', ['client-1'], { autoVerifiedAttributes } as unknown as UserPoolSpec);
  const calls: { operation: string; body: Record<string, unknown> }[] = [];
  const backend = (operation: string, body: Record<string, unknown>) => {
    calls.push({ operation, body });
    const user = { UserAttributes: [{ Name: 'email', Value: 'a@example.com' }] };
    return Promise.resolve({ status: 200, body: operation === 'AdminGetUser' ? user : {} });
  };
  return {
    context: { pools, backend, call: backend, log: () => undefined, passwords: unusedPasswords },
    calls,
  };
}

const confirm = {
  operation: 'ConfirmSignUp',
  body: { ClientId: 'client-1', Username: 'a@example.com', ConfirmationCode: '123456' },
};
const confirmed: CognitoAnswer = { status: 200, body: {} };

describe('confirming a sign-up in the Cognito front', () => {
  it('marks the email verified in a pool that verifies email at sign-up', async () => {
    // prepare
    const { context, calls } = contextFor(['email']);

    // act
    const answer = await verifyEmailOnConfirmation(confirm, context, () =>
      Promise.resolve(confirmed),
    );

    // assess
    expect(answer).toBe(confirmed);
    expect(calls.at(-1)).toEqual({
      operation: 'AdminUpdateUserAttributes',
      body: {
        UserPoolId: 'local_pool',
        Username: 'a@example.com',
        UserAttributes: [
          { Name: 'email', Value: 'a@example.com' },
          { Name: 'email_verified', Value: 'true' },
        ],
      },
    });
  });

  it('changes nothing when the confirmation was refused', async () => {
    // prepare
    const { context, calls } = contextFor(['email']);
    const refused = cognitoError(400, 'CodeMismatchException', 'Invalid verification code');

    // act
    const answer = await verifyEmailOnConfirmation(confirm, context, () =>
      Promise.resolve(refused),
    );

    // assess
    expect(answer).toBe(refused);
    expect(calls).toEqual([]);
  });

  it('changes nothing in a pool that does not verify email', async () => {
    // prepare
    const { context, calls } = contextFor([]);

    // act
    await verifyEmailOnConfirmation(confirm, context, () => Promise.resolve(confirmed));

    // assess
    expect(calls).toEqual([]);
  });
});
