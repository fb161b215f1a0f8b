import { callerOf, guestOf, requestIdOf, UnauthorizedError } from '@mobile-backend/domain/http';
import { roleFromGroups } from '@mobile-backend/domain/data';

const eventWith = (claims: Record<string, unknown>) => ({
  requestContext: { requestId: 'req-1', authorizer: { claims } },
});

describe('the caller of an API event', () => {
  it('is identified by the token sub', () => {
    const caller = callerOf(eventWith({ sub: 'user-1', email: 'a@example.com' }));

    expect(caller).toEqual({ userId: 'user-1', email: 'a@example.com', groups: [] });
  });

  it.each([
    ['providers', ['providers']],
    ['[customers, providers]', ['customers', 'providers']],
    ['customers,providers', ['customers', 'providers']],
    ['[ customers ,  providers ]', ['customers', 'providers']],
    ['[]', []],
    ['', []],
  ])('reads the groups claim %j as a list', (claim, groups) => {
    expect(callerOf(eventWith({ sub: 'u', 'cognito:groups': claim })).groups).toEqual(groups);
  });

  it('has no email when the token carries none (access tokens)', () => {
    expect(callerOf(eventWith({ sub: 'u' })).email).toBeNull();
  });

  it('reads a groups claim given as a list', () => {
    const claim = ['customers', ' providers '];

    expect(callerOf(eventWith({ sub: 'u', 'cognito:groups': claim })).groups).toEqual([
      'customers',
      'providers',
    ]);
  });

  it('is refused with 401 when the token sub is empty', () => {
    expect(() => callerOf(eventWith({ sub: '' }))).toThrow(UnauthorizedError);
  });

  it('is refused with 401 and says a bearer token is required', () => {
    expect(() => callerOf({})).toThrow('A valid bearer token is required.');
  });

  it('is refused with 401 when the authorizer passed no claims', () => {
    expect(() => callerOf({ requestContext: { requestId: 'r' } })).toThrow(UnauthorizedError);
  });
});

describe('the role derived from groups', () => {
  it('is provider for members of providers', () => {
    expect(roleFromGroups(['customers', 'providers'])).toBe('provider');
  });

  it('is customer otherwise', () => {
    expect(roleFromGroups(['customers'])).toBe('customer');
  });
});

describe('the request id of an event', () => {
  it('is the API Gateway request id', () => {
    expect(requestIdOf(eventWith({}))).toBe('req-1');
  });

  it('is "unknown" when the event has none', () => {
    expect(requestIdOf({})).toBe('unknown');
  });
});

describe('the guest of an AWS_IAM-authorized API event', () => {
  it('is identified by the identity pool identity', () => {
    const event = {
      requestContext: {
        identity: {
          cognitoIdentityId: 'us-east-1:guest',
          cognitoAuthenticationType: 'unauthenticated',
        },
      },
    };

    expect(guestOf(event)).toEqual({ identityId: 'us-east-1:guest' });
  });

  it('is refused with 401 when the gateway passed no identity', () => {
    const event = { requestContext: { identity: { cognitoIdentityId: null } } };

    expect(() => guestOf(event)).toThrow(UnauthorizedError);
  });
});
