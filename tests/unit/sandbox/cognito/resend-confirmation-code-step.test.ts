import { jest } from '@jest/globals';
import { resendConfirmationCode } from '../../../../sandbox/cognito/front/resend-confirmation-code-step';
import {
  cognitoError,
  runSteps,
  type CognitoAnswer,
  type FrontContext,
} from '../../../../sandbox/cognito/front/steps';
import { createPoolDirectory } from '../../../../sandbox/cognito/pool-directory';

const delivery = {
  AttributeName: 'email',
  DeliveryMedium: 'EMAIL',
  Destination: 'ana@example.com',
};
const ok = (body: Record<string, unknown>): CognitoAnswer => ({ status: 200, body });

/** The front with only this step, in front of a local Cognito that has the users in `statuses`. */
function frontWith(statuses: Record<string, string>) {
  const pools = createPoolDirectory<unknown>();
  pools.add('pool-1', ['client-1'], {});
  const backend = jest.fn((operation: string, body: Record<string, unknown>) => {
    const status = statuses[String(body.Username)];
    if (operation === 'AdminGetUser')
      return Promise.resolve(
        status
          ? ok({ Username: body.Username, UserStatus: status })
          : cognitoError(400, 'UserNotFoundException', 'User does not exist.'),
      );
    if (operation === 'ForgotPassword')
      return Promise.resolve(ok({ CodeDeliveryDetails: delivery }));
    return Promise.reject(new Error(`unexpected ${operation}`));
  });
  const context = {
    pools,
    backend,
    call: () => Promise.reject(new Error('not in this test')),
    log: () => undefined,
  } as unknown as FrontContext;
  const resend = (body: Record<string, unknown>) =>
    runSteps([resendConfirmationCode], { operation: 'ResendConfirmationCode', body }, context, () =>
      Promise.reject(new Error('the local Cognito has no ResendConfirmationCode')),
    );
  return { backend, resend };
}

describe('ResendConfirmationCode in front of the local Cognito', () => {
  it('has the local Cognito issue a new code for an unconfirmed user, and says where it went', async () => {
    // prepare
    const { backend, resend } = frontWith({ 'ana@example.com': 'UNCONFIRMED' });

    // act
    const answer = await resend({ ClientId: 'client-1', Username: 'ana@example.com' });

    // assess
    expect(answer).toEqual(ok({ CodeDeliveryDetails: delivery }));
    expect(backend).toHaveBeenCalledWith('ForgotPassword', {
      ClientId: 'client-1',
      Username: 'ana@example.com',
    });
  });

  it('refuses a confirmed user as Cognito does, and sends nothing', async () => {
    // prepare
    const { backend, resend } = frontWith({ 'ana@example.com': 'CONFIRMED' });

    // act
    const answer = await resend({ ClientId: 'client-1', Username: 'ana@example.com' });

    // assess
    expect(answer).toEqual(
      cognitoError(400, 'InvalidParameterException', 'User is already confirmed.'),
    );
    expect(backend).not.toHaveBeenCalledWith('ForgotPassword', expect.anything());
  });

  it('refuses an unknown user with UserNotFoundException', async () => {
    // prepare
    const { resend } = frontWith({});

    // act
    const answer = await resend({ ClientId: 'client-1', Username: 'nobody@example.com' });

    // assess
    expect(answer.status).toBe(400);
    expect(answer.body.__type).toBe('UserNotFoundException');
  });

  it('refuses an app client the sandbox does not know', async () => {
    // prepare
    const { resend } = frontWith({ 'ana@example.com': 'UNCONFIRMED' });

    // act
    const answer = await resend({ ClientId: 'client-x', Username: 'ana@example.com' });

    // assess
    expect(answer.body.__type).toBe('ResourceNotFoundException');
  });

  it('refuses a request without a username as a bad parameter', async () => {
    // prepare
    const { resend } = frontWith({});

    // act
    const answer = await resend({ ClientId: 'client-1' });

    // assess
    expect(answer.body.__type).toBe('InvalidParameterException');
  });

  it('passes every other operation on', async () => {
    // prepare
    const passed = ok({ passed: true });

    // act
    const answer = await resendConfirmationCode(
      { operation: 'ForgotPassword', body: {} },
      {} as FrontContext,
      () => Promise.resolve(passed),
    );

    // assess
    expect(answer).toBe(passed);
  });
});
