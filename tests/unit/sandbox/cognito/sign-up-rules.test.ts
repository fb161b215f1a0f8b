import { refusalOf, type PoolRules } from '../../../../sandbox/cognito/sign-up-rules';

const rules: PoolRules = {
  passwordPolicy: { MinimumLength: 12, RequireNumbers: true },
  usernameAttributes: ['email'],
  requiredAttributes: ['email'],
};
const good = 'long-enough-1';
const weak = 'short';
const email = 'ana@example.com';
const withEmail = [{ Name: 'email', Value: email }];

describe('the sign-up rules of a template user pool', () => {
  it('let a sign-up with an email username, the required attributes and a good password through', () => {
    const request = { Username: email, Password: good, UserAttributes: withEmail };

    expect(refusalOf('SignUp', request, rules)).toBeUndefined();
  });

  it.each([
    ['SignUp', { Username: email, Password: weak, UserAttributes: withEmail }],
    ['AdminCreateUser', { Username: email, TemporaryPassword: weak, UserAttributes: withEmail }],
    ['ChangePassword', { PreviousPassword: good, ProposedPassword: weak }],
    ['ConfirmForgotPassword', { Username: email, ConfirmationCode: '1', Password: weak }],
    ['AdminSetUserPassword', { Username: email, Password: weak, Permanent: true }],
    [
      'RespondToAuthChallenge',
      { ChallengeName: 'NEW_PASSWORD_REQUIRED', ChallengeResponses: { NEW_PASSWORD: weak } },
    ],
  ])('refuse the new password of %s under the policy', (operation, request) => {
    expect(refusalOf(operation, request, rules)).toEqual({
      type: 'InvalidPasswordException',
      message: 'Password did not conform with policy: Password not long enough',
    });
  });

  it('let AdminCreateUser without a temporary password through (Cognito makes one)', () => {
    expect(
      refusalOf('AdminCreateUser', { Username: email, UserAttributes: withEmail }, rules),
    ).toBeUndefined();
  });

  it('leave the responses to other challenges alone', () => {
    const request = { ChallengeName: 'SMS_MFA', ChallengeResponses: { SMS_MFA_CODE: weak } };

    expect(refusalOf('RespondToAuthChallenge', request, rules)).toBeUndefined();
  });

  it('leave operations that set no password and create no user alone', () => {
    expect(refusalOf('InitiateAuth', { Password: weak }, rules)).toBeUndefined();
  });

  it('refuse a username that is not an email when email is the username attribute', () => {
    const request = { Username: 'ana', Password: good, UserAttributes: withEmail };

    expect(refusalOf('SignUp', request, rules)).toEqual({
      type: 'InvalidParameterException',
      message: 'Username should be an email.',
    });
  });

  it('name both kinds when email and phone number are username attributes', () => {
    const both = { ...rules, usernameAttributes: ['email', 'phone_number'] };

    expect(
      refusalOf(
        'SignUp',
        { Username: '+4915112345678', Password: good, UserAttributes: withEmail },
        both,
      ),
    ).toBeUndefined();
    expect(refusalOf('SignUp', { Username: 'ana', Password: good }, both)?.message).toBe(
      'Username should be either an email or a phone number.',
    );
  });

  it('refuse a sign-up without a required attribute, even when the username is that email', () => {
    const request = { Username: email, Password: good, UserAttributes: [] };

    expect(refusalOf('SignUp', request, rules)).toEqual({
      type: 'InvalidParameterException',
      message: 'Attributes did not conform to the schema: email: The attribute is required',
    });
  });

  it('count an empty value as missing and list every missing attribute, one per line', () => {
    const strict = { ...rules, requiredAttributes: ['email', 'name'] };
    const request = { Username: email, UserAttributes: [{ Name: 'email', Value: '' }] };

    expect(refusalOf('AdminCreateUser', request, strict)?.message).toBe(
      'Attributes did not conform to the schema: email: The attribute is required\nname: The attribute is required',
    );
  });

  it('check the attributes before the password, as Cognito reports them', () => {
    const request = { Username: email, Password: weak };

    expect(refusalOf('SignUp', request, rules)?.type).toBe('InvalidParameterException');
  });
});
