import {
  samTransformed,
  type TransformedTemplate,
} from '../../support/stack/sam-transformed-template';
import { securityRuleSuppressions } from './security-rule-suppressions';
import { securityFindings, securityRulesReport } from './security-rules';

// The AwsSolutions and Serverless packs of cdk-nag on what CloudFormation
// deploys (the SAM-transformed template).
describe('security rules on the deployed template', () => {
  const report = securityRulesReport(securityFindings(samTransformed()), securityRuleSuppressions);

  it('leaves no finding that security-rule-suppressions.ts does not explain', () => {
    expect(report.unsuppressed).toEqual([]);
  });

  it('keeps no suppression that matches no finding', () => {
    expect(report.stale).toEqual([]);
  });
});

describe('security rules on a template with an unencrypted queue and a public bucket', () => {
  const template = structuredClone(samTransformed());
  const broken: TransformedTemplate = {
    ...template,
    Resources: {
      ...template.Resources,
      UnencryptedQueue: { Type: 'AWS::SQS::Queue', Properties: { SqsManagedSseEnabled: false } },
      PublicBucket: {
        Type: 'AWS::S3::Bucket',
        Properties: {
          PublicAccessBlockConfiguration: {
            BlockPublicAcls: false,
            BlockPublicPolicy: false,
            IgnorePublicAcls: false,
            RestrictPublicBuckets: false,
          },
        },
      },
    },
  };
  const report = securityRulesReport(securityFindings(broken), securityRuleSuppressions);

  it('fails on the unencrypted queue', () => {
    expect(report.unsuppressed).toContain('AwsSolutions-SQS2: UnencryptedQueue');
  });

  it('fails on the public bucket', () => {
    expect(report.unsuppressed).toContain('AwsSolutions-S2: PublicBucket');
  });
});
