// The one list of permissions wider than a single named resource, each with
// the reason no narrower grant exists. least-privilege.test.ts fails on a
// wildcard that is not listed here, and on an entry here that no longer
// matches anything (remove it). Holders are logical ids of the transformed
// template: SAM names a function's generated role <Function>Role.

export interface WildcardException {
  /** The action or resource exactly as the test renders it (intrinsics as `${...}`). */
  wildcard: string;
  holders: readonly string[];
  reason: string;
}

export interface ManagedPolicyException {
  policyArn: string;
  holders: readonly string[];
  reason: string;
}

export interface RestrictedAction {
  action: string;
  /** The only holders that may be granted it; empty: none may. */
  holders: readonly string[];
  reason: string;
}

// Functions whose role SAM generates (no event source adds a policy to them).
const samGeneratedRoles = [
  'AccountDeletionFunctionRole',
  'CursorKeyRotationFunctionRole',
  'DataApiFunctionRole',
  'FederatedSignUpFunctionRole',
  'MediaApiFunctionRole',
  'MediaProcessorFunctionRole',
  'MediaSigningKeyFunctionRole',
  'MessagingApiFunctionRole',
  'PushPlatformApplicationsFunctionRole',
  'SearchApiFunctionRole',
  'WebSocketAuthorizerFunctionRole',
  'WebSocketFunctionRole',
] as const;

const pushEndpoints = (platform: string, application: string) =>
  `arn:\${AWS::Partition}:sns:\${AWS::Region}:\${AWS::AccountId}:endpoint/${platform}/\${AWS::StackName}-${application}/*`;
const pushEndpointReason =
  'An endpoint ARN ends in an id SNS gives at CreatePlatformEndpoint; the grant stops at the stack’s own platform application.';

export const wildcardResources: readonly WildcardException[] = [
  {
    wildcard: '*',
    holders: ['AccountErasureStateMachineRole'],
    reason:
      'Step Functions delivers execution logs (logs:*LogDelivery*, PutResourcePolicy, Describe*) and traces (xray:Put*, GetSampling*) with actions that support no resource type.',
  },
  {
    wildcard: '*',
    holders: ['UserPoolSmsRole'],
    reason:
      'Cognito sends MFA and phone verification codes with sns:Publish to a phone number, which has no ARN; the role is assumable only by this pool (external id and source account).',
  },
  {
    wildcard: '*',
    holders: ['MessageWorkerRole'],
    reason:
      'With SmsNotices=on the worker texts verified numbers with sns:Publish to a phone number, which has no ARN (the statement exists only then).',
  },
  {
    wildcard: '*',
    holders: ['MessageWorkerRole', 'SearchIndexerRole'],
    reason:
      'xray:PutTraceSegments and xray:PutTelemetryRecords support no resource type (the same grant as AWSXrayWriteOnlyAccess, which SAM attaches to the roles it generates).',
  },
  {
    wildcard: '*',
    holders: ['PushPlatformApplicationsFunctionRole'],
    reason:
      'sns:CreatePlatformApplication supports no resource type: the application does not exist yet.',
  },
  {
    wildcard: '${MediaBucket.Arn}/media/*',
    holders: ['AccountDeletionFunctionRole', 'MediaApiFunctionRole'],
    reason: 'Objects are created at run time under media/<userId>/<mediaId>; only that prefix.',
  },
  {
    wildcard: 'arn:${AWS::Partition}:s3:::media-${AWS::AccountId}-${Fn::Select}/media/*',
    holders: ['MediaProcessorFunctionRole'],
    reason: 'The media bucket by name (a Ref would be circular), objects under media/ only.',
  },
  {
    wildcard: '${SearchDomain.Arn}/*',
    holders: ['SearchApiFunctionRole', 'SearchIndexerRole'],
    reason:
      'OpenSearch HTTP actions name paths below the domain (index, alias, _search, _bulk); the domain is this stack’s own.',
  },
  {
    wildcard: '${AppTable.Arn}/stream/*',
    holders: ['SearchIndexerRole'],
    reason:
      'dynamodb:ListStreams names the table’s streams, whose label changes when the stream is re-enabled (as SAM’s DynamoDBStreamReadPolicy).',
  },
  {
    wildcard:
      'arn:${AWS::Partition}:execute-api:${AWS::Region}:${AWS::AccountId}:${WebSocketApi}/${StageName}/POST/@connections/*',
    holders: ['MessageWorkerRole', 'WebSocketFunctionRole'],
    reason: 'Connection ids are given by API Gateway at $connect; POST (send) on this stage only.',
  },
  {
    wildcard:
      'arn:${AWS::Partition}:execute-api:${AWS::Region}:${AWS::AccountId}:${Api}/${StageName}/GET/v1/public/items/*',
    holders: ['GuestIdentityRole', 'SignedInIdentityRole'],
    reason: 'Item ids are path values; GET of the one public-item route on this stage only.',
  },
  {
    wildcard:
      'arn:${AWS::Partition}:execute-api:${AWS::Region}:${AWS::AccountId}:${WebSocketApi}/${StageName}/DELETE/@connections/*',
    holders: ['AccountDeletionFunctionRole'],
    reason: 'Connection ids are given at $connect; DELETE (disconnect) on this stage only.',
  },
  ...[
    ['APNS', 'ios'],
    ['APNS_SANDBOX', 'ios'],
    ['GCM', 'android'],
  ].map(([platform = '', application = '']) => ({
    wildcard: pushEndpoints(platform, application),
    holders: ['AccountDeletionFunctionRole', 'MessageWorkerRole', 'MessagingApiFunctionRole'],
    reason: pushEndpointReason,
  })),
];

/** No action is granted with a wildcard: each statement names its actions. */
export const wildcardActions: readonly WildcardException[] = [];

export const managedPolicies: readonly ManagedPolicyException[] = [
  {
    policyArn: 'arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole',
    holders: samGeneratedRoles,
    reason:
      'SAM attaches it to every role it generates (logs:CreateLogStream and PutLogEvents on any group). Narrowing it to the function’s own log group needs a hand-written role per function, done only where SAM would add more (the SQS and stream functions).',
  },
  {
    policyArn: 'arn:aws:iam::aws:policy/AWSXrayWriteOnlyAccess',
    holders: [...samGeneratedRoles, 'AccountErasureStateMachineRole'],
    reason:
      'SAM attaches it for Tracing: Active; the X-Ray write actions support no resource type, so a scoped statement would be no narrower.',
  },
  {
    policyArn:
      'arn:${AWS::Partition}:iam::aws:policy/service-role/AmazonAPIGatewayPushToCloudWatchLogs',
    holders: ['ApiGatewayCloudWatchLogsRole'],
    reason:
      'API Gateway’s account-wide logging role writes every API’s execution logs, whose groups API Gateway names at run time.',
  },
  {
    policyArn: 'arn:aws:iam::aws:policy/service-role/AWSCodeDeployRoleForLambda',
    holders: ['CodeDeployServiceRole'],
    reason:
      'SAM creates CodeDeploy’s service role for DeploymentPreference with this policy; CodeDeploy shifts every function’s alias and reads the rollback alarms, all named at deploy time.',
  },
];

export const restrictedActions: readonly RestrictedAction[] = [
  {
    action: 'dynamodb:Scan',
    holders: [],
    reason: 'No code scans a table: every read is by key or by a GSI1 query.',
  },
  {
    action: 'dynamodb:BatchWriteItem',
    holders: ['AccountDeletionFunctionRole', 'MessageWorkerRole'],
    reason:
      'Erasing an account deletes in batches; the message worker puts push receipts and completed delivery records in batches.',
  },
  {
    action: 'dynamodb:BatchGetItem',
    holders: [],
    reason: 'No code reads in batches.',
  },
];
