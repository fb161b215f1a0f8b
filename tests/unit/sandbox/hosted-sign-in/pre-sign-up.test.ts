import type { PreSignUpExternalProviderTriggerEvent } from 'aws-lambda';
import {
  PreSignUpFailedError,
  preSignUpEvent,
  runPreSignUp,
  type InvokeTrigger,
} from '../../../../sandbox/hosted-sign-in/pre-sign-up';

const call = { region: 'us-east-1', userPoolId: 'local_pool', clientId: 'client-1' };
const signIn = { providerName: 'Google', subject: '1234', email: 'a@example.com', name: 'A' };

describe("the pre-sign-up trigger's event for a first federated sign-in", () => {
  it("is Cognito's PreSignUp_ExternalProvider event, named <Provider>_<subject>", () => {
    // act
    const event = preSignUpEvent(signIn, call);

    // assess
    expect(event).toMatchObject({
      triggerSource: 'PreSignUp_ExternalProvider',
      userPoolId: 'local_pool',
      userName: 'Google_1234',
      callerContext: { clientId: 'client-1' },
      request: { userAttributes: { email: 'a@example.com', email_verified: 'true', name: 'A' } },
      response: { autoConfirmUser: false, autoVerifyEmail: false, autoVerifyPhone: false },
    });
  });

  it('leaves out a name the provider did not give', () => {
    // act
    const event = preSignUpEvent({ ...signIn, name: undefined }, call);

    // assess
    expect(Object.keys(event.request.userAttributes)).toEqual(['email', 'email_verified']);
  });
});

describe('running the trigger before a first sign-in', () => {
  it('hands the function the event and lets the sign-in go on when it returns', async () => {
    // prepare
    const seen: PreSignUpExternalProviderTriggerEvent[] = [];
    const invoke: InvokeTrigger = (event) => {
      seen.push(event);
      return Promise.resolve({ failed: false });
    };

    // act
    await runPreSignUp(invoke, call)(signIn);

    // assess
    expect(seen.map((event) => event.userName)).toEqual(['Google_1234']);
  });

  it("refuses the sign-in with Cognito's description when the function fails", async () => {
    // prepare
    const invoke: InvokeTrigger = () =>
      Promise.resolve({ failed: true, errorMessage: 'No new accounts' });

    // act
    const running = runPreSignUp(invoke, call)(signIn);

    // assess
    await expect(running).rejects.toThrow(PreSignUpFailedError);
    await expect(running).rejects.toThrow('PreSignUp failed with error No new accounts.');
  });
});
