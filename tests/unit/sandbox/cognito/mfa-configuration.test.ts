import { localMfaConfiguration } from '../../../../sandbox/cognito/mfa-configuration';

describe("the local Cognito's MFA configuration", () => {
  it.each(['OFF', 'OPTIONAL'])("is the template's own for MfaConfiguration %s", (mode) => {
    // act
    const local = localMfaConfiguration({ mfaConfiguration: mode });

    // assess
    expect(local).toBe(mode);
  });

  it('is OPTIONAL for MfaConfiguration ON, so that users without a factor reach the MFA_SETUP step', () => {
    // act
    const local = localMfaConfiguration({ mfaConfiguration: 'ON' });

    // assess
    expect(local).toBe('OPTIONAL');
  });
});
