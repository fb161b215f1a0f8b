import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseCloudFormationYaml } from '../../../sandbox/template/cloudformation-yaml';
import { parseTemplate } from '../../../sandbox/template/parse';
import { getAttTarget, recordOrEmpty } from '../../../sandbox/template/template-document';

// API Gateway has one CloudWatch Logs role per account and region. A second
// stack in the account (staging beside production) must leave it alone, and
// deleting the stack that set it must not break the others' logs.
const root = resolve(import.meta.dirname ?? new URL('.', import.meta.url).pathname, '../../..');
const templatePath = join(root, 'template.yaml');

const accountResourcesWith = (choice: string): string[] =>
  parseTemplate(templatePath, { ApiGatewayCloudWatchRole: choice })
    .resources.filter((resource) => resource.type === 'AWS::ApiGateway::Account')
    .map((resource) => resource.logicalId);

describe('the account-wide API Gateway CloudWatch role in template.yaml', () => {
  it('is created and set for the account by default, as a first stack in an account needs', () => {
    const created = accountResourcesWith('create');

    expect(created).toHaveLength(1);
  });

  it('is left to whoever set it when ApiGatewayCloudWatchRole=existing', () => {
    const created = accountResourcesWith('existing');

    expect(created).toEqual([]);
  });

  it('outlives the stack that created it: the role and the account setting are retained', () => {
    const resources = recordOrEmpty(
      recordOrEmpty(parseCloudFormationYaml(readFileSync(templatePath, 'utf8'))).Resources,
    );
    const [accountId, account] = Object.entries(resources).find(
      ([, value]) => recordOrEmpty(value).Type === 'AWS::ApiGateway::Account',
    ) ?? ['none', {}];
    const [roleId] = getAttTarget(
      recordOrEmpty(recordOrEmpty(account).Properties).CloudWatchRoleArn,
    ) ?? ['none'];
    const policies = (logicalId: string) => {
      const resource = recordOrEmpty(resources[logicalId]);
      return [logicalId, resource.DeletionPolicy, resource.UpdateReplacePolicy];
    };

    expect([policies(accountId), policies(roleId)]).toEqual([
      [accountId, 'Retain', 'Retain'],
      [roleId, 'Retain', 'Retain'],
    ]);
    expect(recordOrEmpty(resources[roleId]).Type).toBe('AWS::IAM::Role');
  });
});
