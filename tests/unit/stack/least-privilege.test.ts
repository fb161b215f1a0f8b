import { join } from 'node:path';
import { samTransformed } from '../../support/stack/sam-transformed-template';
import * as exceptions from './iam-exceptions';
import { leastPrivilegeReport } from './least-privilege';

// Run on the SAM-transformed template: SAM adds roles and managed policies
// that template.yaml never shows.
describe('least privilege in the deployed template', () => {
  const report = leastPrivilegeReport(samTransformed(), exceptions);

  it('grants nothing wider than one resource unless iam-exceptions.ts lists it with a reason', () => {
    expect(report.unlisted).toEqual([]);
  });

  it('lists no exception that the template no longer needs', () => {
    expect(report.stale).toEqual([]);
  });

  it('gives every exception a reason', () => {
    const entries = [
      ...exceptions.wildcardActions,
      ...exceptions.wildcardResources,
      ...exceptions.managedPolicies,
      ...exceptions.restrictedActions,
    ];

    expect(entries.filter((entry) => entry.reason.trim().length < 20)).toEqual([]);
  });
});

describe('the least-privilege check on a template with wide grants', () => {
  const fixture = join(process.cwd(), 'tests/fixtures/templates/wide-permissions.yaml');
  const report = leastPrivilegeReport(samTransformed(fixture), exceptions);

  it('reports the managed policy that SAM attaches for an SQS event', () => {
    expect(report.unlisted).toContain(
      'WideFunctionRole: arn:aws:iam::aws:policy/service-role/AWSLambdaSQSQueueExecutionRole',
    );
  });

  it('reports a "*" resource and a wildcard action', () => {
    expect(report.unlisted).toEqual(
      expect.arrayContaining(['WideFunctionRole: *', 'WideFunctionRole: sqs:SendMessage*']),
    );
  });

  it('reports a Scan, which no function may be granted', () => {
    expect(report.unlisted).toContain('WideFunctionRole: dynamodb:Scan');
  });

  it('reports the exceptions that the fixture does not need as stale', () => {
    expect(report.stale).toContain('AccountDeletionFunctionRole: dynamodb:BatchWriteItem');
  });
});
