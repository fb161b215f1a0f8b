import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { keptApplications } from '../../../../sandbox/push/kept-applications';
import { PushService } from '../../../../sandbox/push/push-service';
import { QueryError } from '../../../../sandbox/push/query-protocol';

const arnPrefix = 'arn:aws:sns:us-east-1:000000000000';
const gcmArn = `${arnPrefix}:app/GCM/android-app`;
const fcmCredentials = { PlatformCredential: '{"type":"service_account"}' };

let dir = '';
let file = '';
/** A start of the local SNS endpoint on the kept file. */
const start = () => new PushService(arnPrefix, undefined, keptApplications(file));

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'kept-applications-'));
  file = join(dir, 'sns-applications.json');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function notFound(action: () => unknown): boolean {
  try {
    action();
  } catch (error) {
    return error instanceof QueryError && error.code === 'NotFound';
  }
  return false;
}

describe('platform applications and their endpoints kept across restarts', () => {
  it('are there at the next start, with the attributes they were given', () => {
    start().createPlatformApplication('android-app', 'GCM', { ...fcmCredentials, Team: 'a' });

    const restarted = start();

    expect(restarted.platformApplicationArns()).toEqual([gcmArn]);
    expect(restarted.getPlatformApplicationAttributes(gcmArn)).toMatchObject({ Team: 'a' });
    expect(() => restarted.createPlatformEndpoint(gcmArn, 'token', 'user-1')).not.toThrow();
  });

  it('are kept as the last change left them', () => {
    const first = start();
    first.createPlatformApplication('android-app', 'GCM', fcmCredentials);
    first.setPlatformApplicationAttributes(gcmArn, { SuccessFeedbackSampleRate: '50' });
    first.createPlatformApplication('other-app', 'GCM', fcmCredentials);
    first.deletePlatformApplication(`${arnPrefix}:app/GCM/other-app`);

    const restarted = start();

    expect(restarted.platformApplicationArns()).toEqual([gcmArn]);
    expect(restarted.getPlatformApplicationAttributes(gcmArn)).toMatchObject({
      SuccessFeedbackSampleRate: '50',
    });
  });

  it('keep the same state id from start to start', () => {
    start().createPlatformApplication('android-app', 'GCM', fcmCredentials);

    expect(keptApplications(file).stateId).toBe(keptApplications(file).stateId);
  });

  it.each([
    ['deleted', () => rmSync(file)],
    ['damaged', () => writeFileSync(file, '{"stateId":')],
  ])('start afresh, with a new state id, when the file was %s', (_what, lose) => {
    start().createPlatformApplication('android-app', 'GCM', fcmCredentials);
    const before = keptApplications(file).stateId;
    lose();

    const after = keptApplications(file);

    expect(after.stateId).not.toBe(before);
    expect(
      notFound(() =>
        new PushService(arnPrefix, undefined, after).getPlatformApplicationAttributes(gcmArn),
      ),
    ).toBe(true);
  });

  it('keep their endpoints: a device registered before a restart is pushed to after it', () => {
    const first = start();
    first.createPlatformApplication('android-app', 'GCM', fcmCredentials);
    const endpointArn = first.createPlatformEndpoint(gcmArn, 'device-token', 'user-1');

    const restarted = start();
    restarted.publish(endpointArn, 'hello');

    expect(restarted.getEndpointAttributes(endpointArn)).toEqual({
      Enabled: 'true',
      Token: 'device-token',
      CustomUserData: 'user-1',
    });
    expect(restarted.outbox).toMatchObject([{ endpointArn, userId: 'user-1', payload: 'hello' }]);
    expect(restarted.createPlatformEndpoint(gcmArn, 'device-token', 'user-1')).toBe(endpointArn);
  });

  it('keep endpoints as the last change left them: attributes set, disabled, deleted', () => {
    const first = start();
    first.createPlatformApplication('android-app', 'GCM', fcmCredentials);
    const renamed = first.createPlatformEndpoint(gcmArn, 'old-token', 'user-1');
    first.setEndpointAttributes(renamed, { Token: 'new-token' });
    const stale = first.createPlatformEndpoint(gcmArn, 'invalid-token', 'user-2');
    expect(() => first.publish(stale, 'hello')).toThrow(QueryError);
    const deleted = first.createPlatformEndpoint(gcmArn, 'gone-token', 'user-3');
    first.deleteEndpoint(deleted);

    const restarted = start();

    expect(restarted.getEndpointAttributes(renamed).Token).toBe('new-token');
    expect(restarted.getEndpointAttributes(stale).Enabled).toBe('false');
    expect(notFound(() => restarted.getEndpointAttributes(deleted))).toBe(true);
  });

  it("forget a deleted application's endpoints at the next start too", () => {
    const first = start();
    first.createPlatformApplication('android-app', 'GCM', fcmCredentials);
    const endpointArn = first.createPlatformEndpoint(gcmArn, 'device-token', 'user-1');
    first.deletePlatformApplication(gcmArn);

    expect(notFound(() => start().getEndpointAttributes(endpointArn))).toBe(true);
  });

  it('read the file of an earlier version, which kept no endpoints', () => {
    writeFileSync(file, JSON.stringify({ stateId: 'earlier', applications: [] }));

    const kept = keptApplications(file);

    expect(kept.stateId).toBe('earlier');
    expect(kept.endpoints).toEqual([]);
  });

  it('are readable by their owner only: the credentials are private keys', () => {
    start().createPlatformApplication('android-app', 'GCM', fcmCredentials);

    expect(statSync(file).mode & 0o077).toBe(0);
  });
});
