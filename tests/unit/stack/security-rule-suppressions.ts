// The one list of cdk-nag findings (AwsSolutions and Serverless packs) that
// the stack keeps, each with its reason. security-rules.test.ts fails on a
// finding not listed here and on an entry that matches no finding any more.
// `all` is kept for rules that another test checks finding by finding.

export interface RuleSuppression {
  /** The rule id without a finding's `[detail]`. */
  rule: string;
  /** Logical ids of the transformed template, or every resource the rule flags. */
  resources: readonly string[] | 'all';
  reason: string;
}

const SYNCHRONOUS_FUNCTIONS = [
  'DataApiFunction',
  'MediaApiFunction',
  'MessagingApiFunction',
  'SearchApiFunction',
  'WebSocketFunction',
  'WebSocketAuthorizerFunction',
];

// Queues that receive what failed: no queue behind them.
const FAILURE_QUEUES = ['MediaProcessingDeadLetterQueue', 'SearchIndexFailureQueue'];

export const securityRuleSuppressions: readonly RuleSuppression[] = [
  // ------------------------------------------------------------- identity
  {
    rule: 'AwsSolutions-IAM4',
    resources: 'all',
    reason:
      'AWS managed policies are checked one by one, each with its reason, by least-privilege.test.ts (iam-exceptions.ts).',
  },
  {
    rule: 'AwsSolutions-IAM5',
    resources: 'all',
    reason:
      'Wildcard actions and resources are checked one by one, each with its reason, by least-privilege.test.ts (iam-exceptions.ts).',
  },
  {
    rule: 'Serverless-LambdaStarPermissions',
    resources: 'all',
    reason: 'The same wildcards as AwsSolutions-IAM5, checked by least-privilege.test.ts.',
  },
  {
    rule: 'AwsSolutions-COG2',
    resources: ['UserPool'],
    reason:
      'MFA is the user’s choice in the app; requiring it for every sign-up is a product decision the sign-in flow makes.',
  },
  {
    rule: 'AwsSolutions-COG8',
    resources: ['UserPool'],
    reason:
      'The Plus feature plan (threat protection) is priced per MAU; the Essentials plan is the default a small team starts on.',
  },
  {
    rule: 'AwsSolutions-COG7',
    resources: ['IdentityPool'],
    reason:
      'Guests (GuestAccess=enabled) browse public items without an account; their role may only call the two public GET routes.',
  },
  // ------------------------------------------------------------------ api
  {
    rule: 'AwsSolutions-APIG2',
    resources: ['Api'],
    reason:
      'Every route is a Lambda proxy whose handler validates the body with a schema and answers a 4xx problem document; gateway validation would answer in another format.',
  },
  {
    rule: 'AwsSolutions-APIG4',
    resources: [
      'WebSocketDefaultRoute',
      'WebSocketDisconnectRoute',
      'WebSocketPingRoute',
      'WebSocketTypingRoute',
    ],
    reason:
      'A WebSocket API authorizes once, at $connect (WebSocketAuthorizer); the other routes run on that authorized connection.',
  },
  // --------------------------------------------------------------- search
  {
    rule: 'AwsSolutions-OS1',
    resources: ['SearchDomain'],
    reason:
      'A VPC domain needs the functions in a VPC (NAT or endpoints, a fixed monthly cost); access is IAM-signed requests only.',
  },
  {
    rule: 'AwsSolutions-OS3',
    resources: ['SearchDomain'],
    reason:
      'Lambda has no fixed addresses to allow; only SigV4-signed requests of the functions’ roles get in.',
  },
  {
    rule: 'AwsSolutions-OS4',
    resources: ['SearchDomain'],
    reason:
      'One data node (t3.small.search) by design: the index is rebuilt from AppTable (npm run search:reindex); dedicated masters triple the cost.',
  },
  {
    rule: 'AwsSolutions-OS7',
    resources: ['SearchDomain'],
    reason: 'One node cannot span zones; the index is a rebuildable copy of AppTable.',
  },
  {
    rule: 'AwsSolutions-OS9',
    resources: ['SearchDomain'],
    reason:
      'Slow logs are an ingestion cost; queries are a few fixed shapes, and the search functions log their own latency.',
  },
  // ---------------------------------------------------------------- data
  {
    rule: 'AwsSolutions-DDB3',
    resources: ['IdempotencyTable'],
    reason: 'Idempotency records expire within a day; a restored copy would have no use.',
  },
  // ---------------------------------------------------------------- media
  {
    rule: 'AwsSolutions-SMG4',
    resources: ['MediaSigningKeySecret'],
    reason:
      'A CloudFront key pair is rotated by deploying a new Generation of MediaSigningKeyPair (a new public key in the key group), not by Secrets Manager rotation, which would break the key group.',
  },
  {
    rule: 'AwsSolutions-CFR1',
    resources: ['MediaDistribution'],
    reason: 'The app is not limited to some countries.',
  },
  {
    rule: 'AwsSolutions-CFR3',
    resources: ['MediaDistribution'],
    reason: 'No log bucket yet (see AwsSolutions-S1).',
  },
  {
    rule: 'AwsSolutions-CFR4',
    resources: ['MediaDistribution'],
    reason:
      'With the default *.cloudfront.net certificate CloudFront applies TLSv1 whatever is set; TLS 1.2 is enforced when MediaCertificateArn is given.',
  },
  // ------------------------------------------------ functions and queues
  {
    rule: 'Serverless-LambdaDLQ',
    resources: SYNCHRONOUS_FUNCTIONS,
    reason:
      'Invoked synchronously (API Gateway): the caller gets the error; a dead-letter queue applies to asynchronous invocations only.',
  },
  {
    rule: 'Serverless-LambdaDLQ',
    resources: ['MediaProcessorFunction'],
    reason:
      'Asynchronous failures go to an OnFailure destination queue (EventInvokeConfig), which keeps the error as well as the event.',
  },
  {
    rule: 'Serverless-LambdaDLQ',
    resources: ['AccountDeletionFunction'],
    reason:
      'Invoked synchronously by AccountErasureStateMachine: its Retry and Catch handle a failure, and the execution history keeps the error.',
  },
  {
    rule: 'Serverless-LambdaDLQ',
    resources: ['MessageWorkerFunction', 'SearchIndexerFunction'],
    reason:
      'Invoked by event source mappings: failures stay in MessageQueue (then its redrive queue) or go to the mapping’s OnFailure queue.',
  },
  {
    rule: 'Serverless-LambdaDLQ',
    resources: ['PushPlatformApplicationsFunction'],
    reason: 'A custom resource: CloudFormation reports its failure and rolls back.',
  },
  {
    rule: 'Serverless-SNSRedrivePolicy',
    resources: ['AlarmEmailSubscription'],
    reason:
      'An email subscription: SNS retries delivery itself, and an alarm that could not be mailed stays visible in CloudWatch and on the dashboard.',
  },
  {
    rule: 'Serverless-LambdaDLQ',
    resources: ['FederatedSignUpFunction'],
    reason:
      'Cognito invokes the pre-sign-up trigger synchronously and answers the sign-in with its error; there is no asynchronous event to keep.',
  },
  {
    rule: 'Serverless-LambdaDLQ',
    resources: ['MediaSigningKeyFunction'],
    reason: 'A custom resource: CloudFormation reports its failure and rolls back.',
  },
  {
    rule: 'Serverless-LambdaDLQ',
    resources: ['CursorKeyRotationFunction'],
    reason:
      'Secrets Manager invokes it and keeps the rotation pending on failure (the secret stays on AWSCURRENT); its Errors alarm reports it.',
  },
  {
    rule: 'Serverless-LambdaEventSourceMappingDestination',
    resources: ['MessageWorkerFunctionMessages'],
    reason:
      'An SQS mapping has no OnFailure destination; MessageQueue’s redrive policy moves failed messages to MessageDeadLetterQueue.',
  },
  {
    rule: 'AwsSolutions-SQS3',
    resources: FAILURE_QUEUES,
    reason:
      'Failure destinations themselves (OnFailure of Lambda): the last stop, with 14 days retention.',
  },
  {
    rule: 'Serverless-SQSRedrivePolicy',
    resources: [...FAILURE_QUEUES, 'MessageDeadLetterQueue'],
    reason:
      'Dead-letter and failure queues are the last stop, read by people, with 14 days retention.',
  },
];
