/** Values of the `AWS::*` pseudo parameters for a local run. */
export interface PseudoParameters {
  region: string;
  accountId: string;
  stackName: string;
  partition: string;
  urlSuffix: string;
}

// The account id is a placeholder that cannot collide with a real account's resources.
export const LOCAL_PSEUDO_PARAMETERS: PseudoParameters = {
  region: 'us-east-1',
  accountId: '000000000000',
  stackName: 'mobile-backend',
  partition: 'aws',
  urlSuffix: 'amazonaws.com',
};

/** `arn:<partition>:<service>:<region>:<account>:<resource>`, as AWS would build it. */
export function localArn(pseudo: PseudoParameters, service: string, resource: string): string {
  return `arn:${pseudo.partition}:${service}:${pseudo.region}:${pseudo.accountId}:${resource}`;
}

/** What `!Ref AWS::<Name>` gives, or undefined when `name` is not a pseudo parameter. */
export function pseudoParameterValue(
  pseudo: PseudoParameters,
  name: string,
): string | string[] | undefined {
  switch (name) {
    case 'AWS::Region':
      return pseudo.region;
    case 'AWS::AccountId':
      return pseudo.accountId;
    case 'AWS::StackName':
      return pseudo.stackName;
    case 'AWS::StackId':
      return localArn(pseudo, 'cloudformation', `stack/${pseudo.stackName}/local`);
    case 'AWS::Partition':
      return pseudo.partition;
    case 'AWS::URLSuffix':
      return pseudo.urlSuffix;
    case 'AWS::NotificationARNs':
      return [];
    default:
      return undefined;
  }
}
