import { assertMfaEmulated } from '../../../../sandbox/cognito/mfa-configuration';
import type { UserPoolSpec } from '../../../../sandbox/template/model';

const poolWith = (mfaConfiguration: string): UserPoolSpec => ({
  logicalId: 'UserPool',
  poolName: 'users',
  usernameAttributes: ['email'],
  autoVerifiedAttributes: ['email'],
  passwordPolicy: {},
  requiredAttributes: [],
  mfaConfiguration,
  enabledMfas: mfaConfiguration === 'OFF' ? [] : ['SOFTWARE_TOKEN_MFA'],
  clients: [],
  groups: [],
});

describe('MFA the local Cognito can emulate', () => {
  it.each(['OFF', 'OPTIONAL'])('starts with MfaConfiguration %s', (mode) => {
    expect(() => assertMfaEmulated(poolWith(mode))).not.toThrow();
  });

  it('refuses to start with MfaConfiguration ON, naming what to use instead', () => {
    expect(() => assertMfaEmulated(poolWith('ON'))).toThrow(/MFA_SETUP.*MfaMode=OPTIONAL/);
  });
});
