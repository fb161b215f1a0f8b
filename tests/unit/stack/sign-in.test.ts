import { join, resolve } from 'node:path';
import { parseTemplate } from '../../../sandbox/template/parse';

// Hosted sign-in and MFA as template.yaml declares them, read the way the
// sandbox reads the stack for a given set of parameters.
const root = resolve(import.meta.dirname ?? new URL('.', import.meta.url).pathname, '../../..');
const templatePath = join(root, 'template.yaml');

const stackWith = (parameters: Record<string, string> = {}) =>
  parseTemplate(templatePath, parameters);

const poolWith = (parameters: Record<string, string> = {}) => {
  const [pool] = stackWith(parameters).userPools;
  if (!pool) throw new Error('template.yaml has no user pool');
  return pool;
};

const logicalIds = (parameters: Record<string, string> = {}) =>
  stackWith(parameters).resources.map((resource) => resource.logicalId);

const resourceTypes = (parameters: Record<string, string> = {}) =>
  stackWith(parameters).resources.map((resource) => resource.type);

describe("the app client's hosted sign-in", () => {
  it('allows only the authorization code grant, with the openid, email and profile scopes', () => {
    const [client] = poolWith().clients;

    expect(client?.oauth?.flows).toEqual(['code']);
    expect(client?.oauth?.scopes.sort()).toEqual(['email', 'openid', 'profile']);
  });

  it("redirects only to the app's URIs given as parameters", () => {
    const [client] = poolWith({
      SignInCallbackUrls: 'myapp://auth/callback,myapp-dev://auth/callback',
      SignInLogoutUrls: 'myapp://auth/signout',
    }).clients;

    expect(client?.oauth?.callbackUrls).toEqual([
      'myapp://auth/callback',
      'myapp-dev://auth/callback',
    ]);
    expect(client?.oauth?.logoutUrls).toEqual(['myapp://auth/signout']);
  });

  it('keeps password sign-in beside it', () => {
    const [client] = poolWith().clients;

    expect(client?.explicitAuthFlows).toContain('ALLOW_USER_PASSWORD_AUTH');
    expect(client?.oauth?.identityProviders).toContain('COGNITO');
  });
});

describe('the hosted sign-in domain', () => {
  it('is not created while neither a prefix nor a custom domain is given', () => {
    expect(resourceTypes()).not.toContain('AWS::Cognito::UserPoolDomain');
  });

  it('is created from a prefix', () => {
    const domains = stackWith({ SignInDomainPrefix: 'my-app' }).resources.filter(
      (resource) => resource.type === 'AWS::Cognito::UserPoolDomain',
    );

    expect(domains).toHaveLength(1);
  });

  it('is created from a custom domain with its certificate', () => {
    const types = resourceTypes({
      SignInDomainName: 'auth.my-app.test',
      SignInCertificateArn: 'arn:aws:acm:us-east-1:111122223333:certificate/abc',
    });

    expect(types).toContain('AWS::Cognito::UserPoolDomain');
  });
});

describe('MFA', () => {
  it('is off by default, with no factor enabled', () => {
    const pool = poolWith();

    expect([pool.mfaConfiguration, pool.enabledMfas]).toEqual(['OFF', []]);
  });

  it.each(['OPTIONAL', 'ON'])('offers TOTP apps only when MfaMode=%s without SMS', (mode) => {
    const pool = poolWith({ MfaMode: mode });

    expect([pool.mfaConfiguration, pool.enabledMfas]).toEqual([mode, ['SOFTWARE_TOKEN_MFA']]);
    expect(logicalIds({ MfaMode: mode })).not.toContain('UserPoolSmsRole');
  });

  it('texts codes too, with the SMS role it creates, when SmsMfa=enabled', () => {
    const parameters = { MfaMode: 'OPTIONAL', SmsMfa: 'enabled' };

    expect(poolWith(parameters).enabledMfas).toEqual(['SOFTWARE_TOKEN_MFA', 'SMS_MFA']);
    expect(logicalIds(parameters)).toContain('UserPoolSmsRole');
  });

  it('creates no SMS role while MFA is off, whatever SmsMfa says', () => {
    expect(logicalIds({ SmsMfa: 'enabled' })).not.toContain('UserPoolSmsRole');
  });
});
