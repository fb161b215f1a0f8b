import { join, resolve } from 'node:path';
import { parseTemplate } from '../../../sandbox/template/parse';
import type { SandboxModel } from '../../../sandbox/template/model';
import { LOCAL_PSEUDO_PARAMETERS } from '../../../sandbox/template/pseudo-parameters';
import { evaluateCondition } from '../../../sandbox/template/resolve';
import { isRecord, recordOrEmpty } from '../../../sandbox/template/template-document';

// Each identity provider of template.yaml is on only when its parameters are
// given: then its resource exists, the app client offers it and the
// pre-sign-up trigger links its users; otherwise none of that exists and
// nothing left in the stack refers to what is gone.
const root = resolve(import.meta.dirname ?? new URL('.', import.meta.url).pathname, '../../..');
const templatePath = join(root, 'template.yaml');

const PROVIDERS: { logicalId: string; providerName: string; parameters: Record<string, string> }[] =
  [
    {
      logicalId: 'GoogleIdentityProvider',
      providerName: 'Google',
      parameters: { GoogleSignInSecretName: 'sign-in/google' },
    },
    {
      logicalId: 'AppleIdentityProvider',
      providerName: 'SignInWithApple',
      parameters: { AppleSignInSecretName: 'sign-in/apple' },
    },
    {
      logicalId: 'FacebookIdentityProvider',
      providerName: 'Facebook',
      parameters: { FacebookSignInSecretName: 'sign-in/facebook' },
    },
    {
      logicalId: 'AmazonIdentityProvider',
      providerName: 'LoginWithAmazon',
      parameters: { AmazonSignInSecretName: 'sign-in/amazon' },
    },
    {
      logicalId: 'OidcIdentityProvider',
      providerName: 'Okta',
      parameters: {
        OidcProviderName: 'Okta',
        OidcIssuerUrl: 'https://login.okta.test',
        OidcSignInSecretName: 'sign-in/okta',
      },
    },
    {
      logicalId: 'SamlIdentityProvider',
      providerName: 'Corporate',
      parameters: {
        SamlProviderName: 'Corporate',
        SamlMetadataUrl: 'https://idp.corporate.test/metadata',
      },
    },
  ];
const TRIGGER_RESOURCES = [
  'FederatedSignUpFunction',
  'FederatedSignUpPolicy',
  'FederatedSignUpPermission',
  'FederatedSignUpLogGroup',
];
const ALL_PROVIDERS = Object.assign({}, ...PROVIDERS.map((provider) => provider.parameters));

const logicalIdsOf = (model: SandboxModel) => model.resources.map((r) => r.logicalId);
const providerResources = (model: SandboxModel) =>
  model.resources.filter((r) => r.type === 'AWS::Cognito::UserPoolIdentityProvider');
const clientProviders = (model: SandboxModel) =>
  model.userPools[0]?.clients[0]?.oauth?.identityProviders ?? [];

/** Logical ids a value refers to, following only the `Fn::If` branches the conditions choose. */
function referencedIds(value: unknown, model: SandboxModel): string[] {
  const ctx = {
    parameters: model.parameters,
    resources: {},
    conditions: model.conditions,
    pseudo: LOCAL_PSEUDO_PARAMETERS,
  };
  const holds = (name: string) => evaluateCondition(name, ctx);
  if (Array.isArray(value)) return value.flatMap((item) => referencedIds(item, model));
  if (!isRecord(value)) return [];
  const branches = value['Fn::If'];
  if (Array.isArray(branches) && typeof branches[0] === 'string') {
    return referencedIds(holds(branches[0]) ? branches[1] : branches[2], model);
  }
  const own: string[] = [];
  if (typeof value.Ref === 'string') own.push(value.Ref);
  const getAtt = value['Fn::GetAtt'];
  if (Array.isArray(getAtt) && typeof getAtt[0] === 'string') own.push(getAtt[0]);
  if (typeof getAtt === 'string') own.push(getAtt.split('.')[0] ?? '');
  return [...own, ...Object.values(value).flatMap((item) => referencedIds(item, model))];
}

/** References to resources the stack does not have with these parameters. */
function danglingReferences(model: SandboxModel): string[] {
  const present = new Set(logicalIdsOf(model));
  // SAM makes a role for every function that declares none: <Function>Role.
  // With AutoPublishAlias it also makes the alias, which `!Ref <Function>.Alias` names.
  for (const fn of model.functions) {
    present.add(`${fn.logicalId}Role`);
    present.add(`${fn.logicalId}.Alias`);
  }
  const known = (id: string) => present.has(id) || id in model.parameters || id.startsWith('AWS::');
  return model.resources.flatMap((resource) =>
    referencedIds(resource.properties, model)
      .filter((id) => !known(id))
      .map((id) => `${resource.logicalId} -> ${id}`),
  );
}

describe('identity providers of template.yaml', () => {
  it('are all off by default: no provider, no trigger, only password sign-in offered', () => {
    const model = parseTemplate(templatePath);

    expect(providerResources(model)).toEqual([]);
    expect(logicalIdsOf(model).filter((id) => TRIGGER_RESOURCES.includes(id))).toEqual([]);
    expect(clientProviders(model)).toEqual(['COGNITO']);
    expect(danglingReferences(model)).toEqual([]);
  });

  it.each(PROVIDERS)(
    '$providerName is on with its parameters alone, offered by the app client and linked by the trigger',
    ({ logicalId, providerName, parameters }) => {
      const model = parseTemplate(templatePath, parameters);

      expect(providerResources(model).map((r) => r.logicalId)).toEqual([logicalId]);
      expect(clientProviders(model)).toEqual(['COGNITO', providerName]);
      expect(logicalIdsOf(model)).toEqual(expect.arrayContaining(TRIGGER_RESOURCES));
      expect(danglingReferences(model)).toEqual([]);
    },
  );

  it('are offered together when all are configured, with nothing dangling', () => {
    const model = parseTemplate(templatePath, ALL_PROVIDERS);

    expect(clientProviders(model)).toEqual([
      'COGNITO',
      ...PROVIDERS.map((provider) => provider.providerName),
    ]);
    expect(danglingReferences(model)).toEqual([]);
  });

  it.each(PROVIDERS.filter((provider) => provider.logicalId !== 'SamlIdentityProvider'))(
    '$providerName takes its credentials from Secrets Manager, never from a parameter value',
    ({ logicalId, parameters }) => {
      const model = parseTemplate(templatePath, parameters);
      const details = recordOrEmpty(
        model.resources.find((r) => r.logicalId === logicalId)?.properties.ProviderDetails,
      );
      const credentials = Object.entries(details).filter(([name]) =>
        ['client_id', 'client_secret', 'team_id', 'key_id', 'private_key'].includes(name),
      );

      expect(credentials.length).toBeGreaterThanOrEqual(2);
      for (const [, value] of credentials) {
        expect(recordOrEmpty(value)['Fn::Sub']).toMatch(/^\{\{resolve:secretsmanager:\$\{\w+\}:/);
      }
    },
  );

  it.each(PROVIDERS)(
    '$providerName maps email and name onto the profile',
    ({ logicalId, parameters }) => {
      const model = parseTemplate(templatePath, parameters);
      const mapping = recordOrEmpty(
        model.resources.find((r) => r.logicalId === logicalId)?.properties.AttributeMapping,
      );

      expect(Object.keys(mapping)).toEqual(expect.arrayContaining(['email', 'name']));
    },
  );
});
