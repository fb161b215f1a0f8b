// How API Gateway judges a `$connect` with a Lambda REQUEST authorizer:
// a missing identity source → 401 without calling the authorizer; the
// authorizer throwing `Unauthorized` → 401; a policy that does not allow
// `execute-api:Invoke` on the method ARN → 403; anything else failing → 500.
import type { InvokeResult } from '../runtime/function-host';
import { headersOf, queryOf, type ConnectionInfo } from './events';

export type ConnectVerdict =
  | { allowed: true; context: Record<string, unknown> }
  | { allowed: false; status: 401 | 403 | 500; reason: string };

/** Whether every identity source (`route.request.querystring.X`, `route.request.header.X`) is present. */
export function missingIdentitySource(
  identitySource: string[],
  connection: Pick<ConnectionInfo, 'rawHeaders' | 'query'>,
): string | undefined {
  const query = queryOf(connection.query).queryStringParameters;
  const headers = Object.fromEntries(
    Object.entries(headersOf(connection.rawHeaders).headers).map(([name, value]) => [
      name.toLowerCase(),
      value,
    ]),
  );
  for (const source of identitySource) {
    const [, kind, name] = /^route\.request\.(querystring|header)\.(.+)$/.exec(source) ?? [];
    if (!kind || !name) continue;
    const value = kind === 'querystring' ? query[name] : headers[name.toLowerCase()];
    if (!value) return source;
  }
  return undefined;
}

interface Statement {
  Effect?: string;
  Action?: string | string[];
  Resource?: string | string[];
}

function asList<T>(value: T | T[] | undefined): T[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}

function globMatches(pattern: string, value: string): boolean {
  const regex = pattern
    .split('*')
    .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
    .join('.*');
  return new RegExp(`^${regex}$`).test(value);
}

/** IAM-style evaluation: an explicit Deny wins, then an Allow; nothing matching is a deny. */
export function policyAllows(policyDocument: unknown, methodArn: string): boolean {
  const statements = asList(
    (policyDocument as { Statement?: Statement | Statement[] } | undefined)?.Statement,
  );
  const matching = statements.filter(
    (statement) =>
      asList(statement.Action).some((action) => globMatches(action, 'execute-api:Invoke')) &&
      asList(statement.Resource).some((resource) => globMatches(resource, methodArn)),
  );
  if (matching.some((statement) => statement.Effect === 'Deny')) return false;
  return matching.some((statement) => statement.Effect === 'Allow');
}

export function judgeAuthorizerResult(
  result: InvokeResult,
  methodArn: string,
  latencyMs: number,
): ConnectVerdict {
  if (result.status === 'failed') {
    return result.error.errorMessage === 'Unauthorized'
      ? { allowed: false, status: 401, reason: 'the authorizer answered Unauthorized' }
      : { allowed: false, status: 500, reason: `authorizer error: ${result.error.errorMessage}` };
  }
  let output: { principalId?: unknown; policyDocument?: unknown; context?: unknown };
  try {
    output = JSON.parse(result.payload) as typeof output;
  } catch {
    return { allowed: false, status: 500, reason: 'the authorizer returned no JSON' };
  }
  if (typeof output?.principalId !== 'string' || !output.policyDocument) {
    return { allowed: false, status: 500, reason: 'the authorizer returned no principal/policy' };
  }
  if (!policyAllows(output.policyDocument, methodArn)) {
    return { allowed: false, status: 403, reason: 'the policy does not allow the connection' };
  }
  return {
    allowed: true,
    context: {
      ...(typeof output.context === 'object' && output.context !== null ? output.context : {}),
      principalId: output.principalId,
      integrationLatency: Math.round(latencyMs),
    },
  };
}
