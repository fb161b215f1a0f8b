import { passwordPolicyViolation } from '../../../../sandbox/cognito/password-policy';

const templatePolicy = {
  MinimumLength: 12,
  RequireLowercase: true,
  RequireUppercase: true,
  RequireNumbers: true,
  RequireSymbols: true,
};

describe("the password check of a pool's PasswordPolicy", () => {
  it('passes a password with every class at the minimum length', () => {
    expect(passwordPolicyViolation(templatePolicy, 'Abcdefghij1!')).toBeUndefined();
  });

  it.each([
    ['Abcdefghi1!', 'Password not long enough'],
    ['ABCDEFGHIJ1!', 'Password must have lowercase characters'],
    ['abcdefghij1!', 'Password must have uppercase characters'],
    ['Abcdefghijk!', 'Password must have numeric characters'],
    ['Abcdefghijk1', 'Password must have symbol characters'],
  ])('refuses %s with Cognito’s reason “%s”', (password, reason) => {
    expect(passwordPolicyViolation(templatePolicy, password)).toBe(
      `Password did not conform with policy: ${reason}`,
    );
  });

  it('reports the length first when several rules are broken', () => {
    expect(passwordPolicyViolation(templatePolicy, 'short')).toBe(
      'Password did not conform with policy: Password not long enough',
    );
  });

  it('counts an inner space as a symbol, but not a leading or trailing one', () => {
    expect(passwordPolicyViolation(templatePolicy, 'Abcde fghij1')).toBeUndefined();
    expect(passwordPolicyViolation(templatePolicy, ' Abcdefghij1')).toMatch(/symbol/);
  });

  it('counts letters outside the basic Latin alphabet in no case class', () => {
    expect(passwordPolicyViolation(templatePolicy, 'ÀÉÎÕÜabcde1!')).toMatch(/uppercase/);
  });

  it('leaves the classes a partial policy does not name unchecked', () => {
    expect(passwordPolicyViolation({ MinimumLength: 6 }, 'sixsix')).toBeUndefined();
    expect(passwordPolicyViolation({ MinimumLength: 6 }, 'five5')).toMatch(/long enough/);
  });

  it("applies Cognito's default policy (8, every class) to a pool without one", () => {
    expect(passwordPolicyViolation({}, 'Abcdef1!')).toBeUndefined();
    expect(passwordPolicyViolation({}, 'Abcdefg1')).toMatch(/symbol/);
    expect(passwordPolicyViolation({}, 'Abcde1!')).toMatch(/long enough/);
  });
});
