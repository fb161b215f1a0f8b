import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseCloudFormationYaml } from '../../../sandbox/template/cloudformation-yaml';
import { parseTemplate } from '../../../sandbox/template/parse';
import { LOCAL_PSEUDO_PARAMETERS } from '../../../sandbox/template/pseudo-parameters';
import { resolveValue } from '../../../sandbox/template/resolve';
import { recordOrEmpty } from '../../../sandbox/template/template-document';

// The user pool and AppTable are kept when the stack goes (Retain); deletion
// protection also stops a hand in the console. Cognito's own email sender
// caps sign-ups per day, so SES takes over when an identity is given, and
// threat protection is only set where the feature plan accepts it.
const root = resolve(import.meta.dirname ?? new URL('.', import.meta.url).pathname, '../../..');
const templatePath = join(root, 'template.yaml');
const SES_IDENTITY = 'arn:aws:ses:eu-west-1:123456789012:identity/example.com';

function resolvedProperties(logicalId: string, overrides: Record<string, string> = {}) {
  const model = parseTemplate(templatePath, overrides);
  const resource = model.resources.find((candidate) => candidate.logicalId === logicalId);
  const ctx = {
    parameters: model.parameters,
    resources: {},
    pseudo: LOCAL_PSEUDO_PARAMETERS,
    conditions: model.conditions,
  };
  return recordOrEmpty(resolveValue(resource?.properties, ctx, logicalId));
}

describe('the user pool', () => {
  it('is protected from deletion, on the Essentials plan, with no threat protection by default', () => {
    const pool = resolvedProperties('UserPool');

    expect([pool.DeletionProtection, pool.UserPoolTier, pool.UserPoolAddOns]).toEqual([
      'ACTIVE',
      'ESSENTIALS',
      undefined,
    ]);
  });

  it('sends its emails through the SES identity when one is given, from the given address', () => {
    const pool = resolvedProperties('UserPool', {
      SesSourceArn: SES_IDENTITY,
      FromEmailAddress: 'Example <no-reply@example.com>',
    });

    expect(pool.EmailConfiguration).toEqual({
      EmailSendingAccount: 'DEVELOPER',
      SourceArn: SES_IDENTITY,
      From: 'Example <no-reply@example.com>',
    });
  });

  it("keeps Cognito's own sender without an SES identity", () => {
    const pool = resolvedProperties('UserPool');

    expect(pool.EmailConfiguration).toEqual({ EmailSendingAccount: 'COGNITO_DEFAULT' });
  });

  it('enforces threat protection on the Plus plan when asked to', () => {
    const pool = resolvedProperties('UserPool', {
      UserPoolFeaturePlan: 'PLUS',
      ThreatProtectionMode: 'ENFORCED',
    });

    expect([pool.UserPoolTier, pool.UserPoolAddOns]).toEqual([
      'PLUS',
      { AdvancedSecurityMode: 'ENFORCED' },
    ]);
  });

  it('can have its deletion protection lifted', () => {
    const pool = resolvedProperties('UserPool', { DeletionProtection: 'INACTIVE' });

    expect(pool.DeletionProtection).toBe('INACTIVE');
  });
});

describe('AppTable', () => {
  it.each([
    ['ACTIVE', true],
    ['INACTIVE', false],
  ])('has DeletionProtectionEnabled for DeletionProtection=%s: %s', (choice, enabled) => {
    const table = resolvedProperties('AppTable', { DeletionProtection: choice });

    expect(table.DeletionProtectionEnabled).toBe(enabled);
  });
});

describe('the template rules CloudFormation checks before any change', () => {
  const rules = recordOrEmpty(
    recordOrEmpty(parseCloudFormationYaml(readFileSync(templatePath, 'utf8'))).Rules,
  );

  it('refuse threat protection on a plan other than Plus', () => {
    expect(rules.ThreatProtectionNeedsPlus).toEqual({
      RuleCondition: { 'Fn::Not': [{ 'Fn::Equals': [{ Ref: 'ThreatProtectionMode' }, 'OFF'] }] },
      Assertions: [
        expect.objectContaining({
          Assert: { 'Fn::Equals': [{ Ref: 'UserPoolFeaturePlan' }, 'PLUS'] },
        }),
      ],
    });
  });

  it('refuse a sender address without an SES identity to send it', () => {
    expect(rules.FromEmailNeedsSes).toEqual({
      RuleCondition: { 'Fn::Not': [{ 'Fn::Equals': [{ Ref: 'FromEmailAddress' }, ''] }] },
      Assertions: [
        expect.objectContaining({
          Assert: { 'Fn::Not': [{ 'Fn::Equals': [{ Ref: 'SesSourceArn' }, ''] }] },
        }),
      ],
    });
  });
});
