// AWS_IAM authorization of a REST API method, as API Gateway does it for
// identity pool credentials: no signature → MISSING_AUTHENTICATION_TOKEN;
// an unknown access key, a wrong session token or signature → 403 refusals;
// expired credentials → EXPIRED_TOKEN; a role whose policies do not allow
// `execute-api:Invoke` on the method ARN → ACCESS_DENIED. What passes gives
// the event's `requestContext.identity` as API Gateway fills it.
import type { APIGatewayEventIdentity } from 'aws-lambda';
import type { IssuedCredential, IssuedCredentials } from '../iam/issued-credentials';
import { isSigned, verifySigV4, type SigV4Request } from '../http/sigv4';
import { policyAllows } from '../websocket-gateway/authorization';
import type { GatewayResponseType } from './gateway-responses';

export type IamVerdict =
  | { allowed: true; identity: Partial<APIGatewayEventIdentity> }
  | { allowed: false; response: GatewayResponseType; message?: string; reason: string };

const INVALID_TOKEN = 'The security token included in the request is invalid.';

function accessKeyOf(request: SigV4Request): string | undefined {
  const header = String(request.headers.authorization ?? '');
  const credential =
    /Credential=([^/,\s]+)\//.exec(header)?.[1] ??
    /(?:^|&)X-Amz-Credential=([^%&/]+)(?:%2F|\/)/.exec(request.rawQuery)?.[1];
  return credential;
}

function sessionTokenOf(request: SigV4Request): string | undefined {
  const header = request.headers['x-amz-security-token'];
  if (typeof header === 'string') return header;
  const query = /(?:^|&)X-Amz-Security-Token=([^&]*)/.exec(request.rawQuery)?.[1];
  return query === undefined ? undefined : decodeURIComponent(query);
}

function refused(response: GatewayResponseType, reason: string, message?: string): IamVerdict {
  return { allowed: false, response, reason, ...(message !== undefined && { message }) };
}

export async function authorizeIam(
  request: SigV4Request,
  methodArn: string,
  credentials: IssuedCredentials,
  now: number = Date.now(),
): Promise<IamVerdict> {
  if (!isSigned(request)) return refused('MISSING_AUTHENTICATION_TOKEN', 'no signature');
  const accessKeyId = accessKeyOf(request) ?? '';
  const credential = credentials.find(accessKeyId);
  if (!credential || sessionTokenOf(request) !== credential.sessionToken) {
    return refused('INVALID_SIGNATURE', `unknown access key or session token`, INVALID_TOKEN);
  }
  if (credential.expiresAt.getTime() <= now) {
    return refused('EXPIRED_TOKEN', `credentials of ${accessKeyId} expired`);
  }
  const verdict = await verifySigV4(request, {
    secrets: { [accessKeyId]: credential.secretAccessKey },
    service: 'execute-api',
    now,
  });
  if (!verdict.ok) return refused('INVALID_SIGNATURE', `${verdict.code}: ${verdict.message}`);
  const { principal } = credential;
  if (!principal.policies.some((policy) => policyAllows(policy, methodArn))) {
    const user = assumedRoleArnOf(credential);
    return refused(
      'ACCESS_DENIED',
      `${principal.roleArn} may not invoke ${methodArn}`,
      `User: ${user} is not authorized to perform: execute-api:Invoke on resource: ${methodArn}`,
    );
  }
  return { allowed: true, identity: identityOf(credential) };
}

const SESSION_NAME = 'CognitoIdentityCredentials';

/** `arn:aws:sts::<account>:assumed-role/<role>/CognitoIdentityCredentials`. */
function assumedRoleArnOf(credential: IssuedCredential): string {
  const [, partition, , , account, resource] = credential.principal.roleArn.split(':');
  const roleName = (resource ?? '').split('/').pop();
  return `arn:${partition}:sts::${account}:assumed-role/${roleName}/${SESSION_NAME}`;
}

function identityOf(credential: IssuedCredential): Partial<APIGatewayEventIdentity> {
  const { principal } = credential;
  const account = principal.roleArn.split(':')[4] ?? null;
  const caller = `${credential.principal.roleArn.split('/').pop()}:${SESSION_NAME}`;
  return {
    cognitoIdentityPoolId: principal.identityPoolId,
    cognitoIdentityId: principal.identityId,
    cognitoAuthenticationType: principal.authenticationType,
    cognitoAuthenticationProvider: principal.authenticationProvider ?? null,
    accountId: account,
    accessKey: credential.accessKeyId,
    caller,
    user: caller,
    userArn: assumedRoleArnOf(credential),
  };
}
