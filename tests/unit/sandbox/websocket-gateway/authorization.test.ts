import {
  judgeAuthorizerResult,
  missingIdentitySource,
  policyAllows,
} from '../../../../sandbox/websocket-gateway/authorization';
import type { InvokeResult } from '../../../../sandbox/runtime/function-host';

const methodArn = 'arn:aws:execute-api:us-east-1:000000000000:abc123/api/$connect';

function succeeded(result: unknown): InvokeResult {
  return { status: 'succeeded', requestId: 'r', durationMs: 1, payload: JSON.stringify(result) };
}

function failed(message: string): InvokeResult {
  const error = { errorType: 'Error', errorMessage: message, trace: [] };
  return { status: 'failed', requestId: 'r', durationMs: 1, error, payload: JSON.stringify(error) };
}

const allow = (resource: string) => ({
  principalId: 'user-1',
  policyDocument: {
    Version: '2012-10-17',
    Statement: [{ Action: 'execute-api:Invoke', Effect: 'Allow', Resource: resource }],
  },
  context: { userId: 'user-1' },
});

describe('identity sources', () => {
  it('reports a missing query string identity source', () => {
    const missing = missingIdentitySource(['route.request.querystring.token'], {
      rawHeaders: [],
      query: 'other=1',
    });

    expect(missing).toBe('route.request.querystring.token');
  });

  it('accepts a present query string identity source', () => {
    const missing = missingIdentitySource(['route.request.querystring.token'], {
      rawHeaders: [],
      query: 'token=abc',
    });

    expect(missing).toBeUndefined();
  });

  it('matches header identity sources case-insensitively', () => {
    const missing = missingIdentitySource(['route.request.header.Authorization'], {
      rawHeaders: ['authorization', 'Bearer x'],
      query: '',
    });

    expect(missing).toBeUndefined();
  });
});

describe('authorizer results', () => {
  it('allows a policy that allows the method ARN and passes the context on', () => {
    const verdict = judgeAuthorizerResult(succeeded(allow(methodArn)), methodArn, 12);

    expect(verdict).toEqual({
      allowed: true,
      context: { userId: 'user-1', principalId: 'user-1', integrationLatency: 12 },
    });
  });

  it('allows a wildcard resource', () => {
    expect(policyAllows(allow('arn:aws:execute-api:*:*:abc123/*').policyDocument, methodArn)).toBe(
      true,
    );
  });

  it('answers 403 to a policy that denies', () => {
    const deny = {
      principalId: 'user-1',
      policyDocument: {
        Statement: [{ Action: 'execute-api:Invoke', Effect: 'Deny', Resource: methodArn }],
      },
    };

    const verdict = judgeAuthorizerResult(succeeded(deny), methodArn, 1);

    expect(verdict).toMatchObject({ allowed: false, status: 403 });
  });

  it('answers 403 to a policy for another resource', () => {
    const verdict = judgeAuthorizerResult(succeeded(allow('arn:aws:other')), methodArn, 1);

    expect(verdict).toMatchObject({ allowed: false, status: 403 });
  });

  it('answers 401 when the authorizer throws Unauthorized', () => {
    const verdict = judgeAuthorizerResult(failed('Unauthorized'), methodArn, 1);

    expect(verdict).toMatchObject({ allowed: false, status: 401 });
  });

  it('answers 500 when the authorizer fails otherwise', () => {
    const verdict = judgeAuthorizerResult(failed('boom'), methodArn, 1);

    expect(verdict).toMatchObject({ allowed: false, status: 500 });
  });
});
