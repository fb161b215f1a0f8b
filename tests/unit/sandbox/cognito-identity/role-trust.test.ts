import { roleTrusts } from '../../../../sandbox/cognito-identity/role-trust';

const trustOf = (amr: string, aud = 'us-east-1:pool') => ({
  Version: '2012-10-17',
  Statement: [
    {
      Effect: 'Allow',
      Principal: { Federated: 'cognito-identity.amazonaws.com' },
      Action: 'sts:AssumeRoleWithWebIdentity',
      Condition: {
        StringEquals: { 'cognito-identity.amazonaws.com:aud': aud },
        'ForAnyValue:StringLike': { 'cognito-identity.amazonaws.com:amr': amr },
      },
    },
  ],
});

describe('the trust of an identity pool role', () => {
  it("lets the pool's guests assume the guest role", () => {
    expect(roleTrusts(trustOf('unauthenticated'), 'us-east-1:pool', 'unauthenticated')).toBe(true);
  });

  it("keeps the pool's guests out of the signed-in role", () => {
    expect(roleTrusts(trustOf('authenticated'), 'us-east-1:pool', 'unauthenticated')).toBe(false);
  });

  it("keeps another pool's identities out", () => {
    expect(
      roleTrusts(
        trustOf('unauthenticated', 'us-east-1:other'),
        'us-east-1:pool',
        'unauthenticated',
      ),
    ).toBe(false);
  });

  it('trusts no role whose trust names no pool', () => {
    const trust = trustOf('unauthenticated');
    const [statement] = trust.Statement;
    const open = { ...trust, Statement: [{ ...statement, Condition: {} }] };

    expect(roleTrusts(open, 'us-east-1:pool', 'unauthenticated')).toBe(false);
  });
});
