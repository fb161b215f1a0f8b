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

describe('platform applications kept across restarts', () => {
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

  it('are readable by their owner only: the credentials are private keys', () => {
    start().createPlatformApplication('android-app', 'GCM', fcmCredentials);

    expect(statSync(file).mode & 0o077).toBe(0);
  });
});
