import {
  platformApplicationOf,
  readPlatformApplications,
} from '../../../../sandbox/push/platform-applications';
import { PushService } from '../../../../sandbox/push/push-service';
import { QueryError } from '../../../../sandbox/push/query-protocol';

const apnsArn = 'arn:aws:sns:us-east-1:000000000000:app/APNS/ios-app';
const apns = platformApplicationOf(apnsArn);
const service = () => new PushService(apns ? [apns] : []);
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
  it('finds the platform applications among the template parameters', () => {
    const applications = readPlatformApplications({ StageName: 'api', Ios: apnsArn });

    expect(applications.map((a) => [a.platform, a.name])).toEqual([['APNS', 'ios-app']]);
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
