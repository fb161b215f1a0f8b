import { createPoolDirectory } from '../../../../sandbox/cognito/pool-directory';
import type { PoolRules } from '../../../../sandbox/cognito/sign-up-rules';

const rules: PoolRules = {
  passwordPolicy: { MinimumLength: 12 },
  usernameAttributes: [],
  requiredAttributes: [],
};

/** An unsigned JWT: the directory reads claims only to find the pool. */
function tokenWith(claims: Record<string, unknown>): string {
  const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${part({ alg: 'RS256' })}.${part(claims)}.signature`;
}

describe('the directory of template pools the Cognito front checks', () => {
  const directory = createPoolDirectory<PoolRules>();
  directory.add('local_pool1', ['client-a'], rules);

  it('finds a pool by its id, as admin operations name it', () => {
    expect(directory.rulesFor({ UserPoolId: 'local_pool1' })).toBe(rules);
  });

  it('finds a pool by its app client, as sign-up names it', () => {
    expect(directory.rulesFor({ ClientId: 'client-a' })).toBe(rules);
  });

  it('finds a pool by the client of an access token, as ChangePassword names it', () => {
    expect(directory.rulesFor({ AccessToken: tokenWith({ client_id: 'client-a' }) })).toBe(rules);
  });

  it('knows no rules for pools and clients the template does not declare, or a token that is none', () => {
    expect(directory.rulesFor({ UserPoolId: 'other_pool' })).toBeUndefined();
    expect(directory.rulesFor({ ClientId: 'client-b' })).toBeUndefined();
    expect(directory.rulesFor({ AccessToken: 'not-a-token' })).toBeUndefined();
  });
});

describe('the directory entry of a pool', () => {
  it('names the id cognito-local gave the pool found by its client', () => {
    const directory = createPoolDirectory<PoolRules>();
    directory.add('local_pool2', ['client-b'], rules);
    expect(directory.entryFor({ ClientId: 'client-b' })).toEqual({
      poolId: 'local_pool2',
      pool: rules,
    });
    expect(directory.entryFor({ ClientId: 'client-unknown' })).toBeUndefined();
  });
});
