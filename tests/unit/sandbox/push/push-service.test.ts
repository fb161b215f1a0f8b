import { PushService } from '../../../../sandbox/push/push-service';
import { QueryError } from '../../../../sandbox/push/query-protocol';

const apnsArn = 'arn:aws:sns:us-east-1:000000000000:app/APNS/ios-app';
const tokenCredentials = {
  PlatformCredential: '-----BEGIN PRIVATE KEY-----',
  PlatformPrincipal: 'ABC123DEFG',
  ApplePlatformTeamID: 'TEAM123456',
  ApplePlatformBundleID: 'com.example.app',
};
const service = () => {
  const push = new PushService('arn:aws:sns:us-east-1:000000000000');
  push.createPlatformApplication('ios-app', 'APNS', tokenCredentials);
  return push;
};
const apnsMessage = JSON.stringify({
  default: 'hi',
  APNS: JSON.stringify({ aps: { alert: 'hi' } }),
});

function errorCodeOf(action: () => unknown): string | undefined {
  try {
    action();
  } catch (error) {
    return error instanceof QueryError ? error.code : 'not a QueryError';
  }
  return undefined;
}

describe('the local SNS push service', () => {
  it('creates a platform application under its platform and name, as SNS names it', () => {
    const push = new PushService('arn:aws:sns:us-east-1:000000000000');

    const arn = push.createPlatformApplication('ios-app', 'APNS', tokenCredentials);

    expect(arn).toBe(apnsArn);
    expect(push.getPlatformApplicationAttributes(arn)).toMatchObject({
      PlatformPrincipal: 'ABC123DEFG',
      ApplePlatformTeamID: 'TEAM123456',
    });
  });

  it('never returns the credential of an application', () => {
    const push = service();

    expect(push.getPlatformApplicationAttributes(apnsArn)).not.toHaveProperty('PlatformCredential');
  });

  it('refuses APNs token credentials without a team id, as SNS does', () => {
    const push = new PushService('arn:aws:sns:us-east-1:000000000000');
    const withoutTeam: Record<string, string> = { ...tokenCredentials };
    delete withoutTeam.ApplePlatformTeamID;

    const code = errorCodeOf(() => push.createPlatformApplication('ios-app', 'APNS', withoutTeam));

    expect(code).toBe('InvalidParameter');
  });

  it('deletes the endpoints of a deleted application with it', () => {
    const push = service();
    const endpoint = push.createPlatformEndpoint(apnsArn, 'tok', 'u1');

    push.deletePlatformApplication(apnsArn);

    expect(errorCodeOf(() => push.getEndpointAttributes(endpoint))).toBe('NotFound');
    expect(errorCodeOf(() => push.createPlatformEndpoint(apnsArn, 'tok', 'u1'))).toBe('NotFound');
  });

  it('returns the same endpoint for the same token and user', () => {
    const push = service();

    const first = push.createPlatformEndpoint(apnsArn, 'tok', 'u1');

    expect(push.createPlatformEndpoint(apnsArn, 'tok', 'u1')).toBe(first);
    expect(first).toMatch(/^arn:aws:sns:us-east-1:000000000000:endpoint\/APNS\/ios-app\/[\w-]+$/);
  });

  it('keeps the platform payload of a delivered push in the outbox', () => {
    const push = service();
    const arn = push.createPlatformEndpoint(apnsArn, 'tok', 'u1');

    push.publish(arn, apnsMessage, 'json');

    expect(push.outbox).toEqual([
      expect.objectContaining({
        endpointArn: arn,
        platform: 'APNS',
        token: 'tok',
        userId: 'u1',
        payload: { aps: { alert: 'hi' } },
      }),
    ]);
  });

  it('disables the endpoint of an invalid- token on publish', () => {
    const push = service();
    const arn = push.createPlatformEndpoint(apnsArn, 'invalid-tok', 'u1');

    const code = errorCodeOf(() => push.publish(arn, apnsMessage, 'json'));

    expect(code).toBe('EndpointDisabled');
    expect(push.getEndpointAttributes(arn).Enabled).toBe('false');
    expect(push.outbox).toEqual([]);
  });

  it('answers NotFound for an endpoint that was deleted', () => {
    const push = service();
    const arn = push.createPlatformEndpoint(apnsArn, 'tok', 'u1');
    push.deleteEndpoint(arn);

    expect(errorCodeOf(() => push.publish(arn, apnsMessage, 'json'))).toBe('NotFound');
  });

  it('refuses a json message without a default entry', () => {
    const push = service();
    const arn = push.createPlatformEndpoint(apnsArn, 'tok', 'u1');

    expect(errorCodeOf(() => push.publish(arn, '{"APNS":"{}"}', 'json'))).toBe('InvalidParameter');
  });
});
