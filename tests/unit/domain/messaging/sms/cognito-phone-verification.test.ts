import {
  AdminGetUserCommand,
  CognitoIdentityProviderClient,
  UserNotFoundException,
} from '@aws-sdk/client-cognito-identity-provider';
import { mockClient } from 'aws-sdk-client-mock';
import { CognitoPhoneVerification } from '../../../../../layers/domain/src/messaging/sms/cognito-phone-verification';

const cognito = mockClient(CognitoIdentityProviderClient);
const verification = () =>
  new CognitoPhoneVerification(new CognitoIdentityProviderClient({}), 'us-east-1_pool');
const withAttributes = (attributes: Record<string, string>) =>
  cognito.on(AdminGetUserCommand).resolves({
    Username: 'bob',
    UserAttributes: Object.entries(attributes).map(([Name, Value]) => ({ Name, Value })),
  });

afterEach(() => cognito.reset());

describe('CognitoPhoneVerification', () => {
  it('gives the number once Cognito marks it verified, asking for the user by sub in the pool', async () => {
    withAttributes({ phone_number: '+14155550100', phone_number_verified: 'true' });

    await expect(verification().verifiedPhoneNumberOf('bob')).resolves.toBe('+14155550100');
    expect(cognito.commandCalls(AdminGetUserCommand)[0]?.args[0].input).toEqual({
      UserPoolId: 'us-east-1_pool',
      Username: 'bob',
    });
  });

  it.each<Record<string, string>>([{ phone_number_verified: 'false' }, {}])(
    'gives no number while it is not verified (%j)',
    async (verified) => {
      withAttributes({ phone_number: '+14155550100', ...verified });

      await expect(verification().verifiedPhoneNumberOf('bob')).resolves.toBeUndefined();
    },
  );

  it('gives no number for a user Cognito no longer has', async () => {
    cognito
      .on(AdminGetUserCommand)
      .rejects(new UserNotFoundException({ message: 'gone', $metadata: {} }));

    await expect(verification().verifiedPhoneNumberOf('bob')).resolves.toBeUndefined();
  });
});
