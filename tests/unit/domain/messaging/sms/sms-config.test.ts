import { messageWorkerConfig } from '../../../../../layers/domain/src/messaging/messaging-config';

const base = {
  APP_TABLE_NAME: 'app',
  IDEMPOTENCY_TABLE_NAME: 'idempotency',
  APNS_PLATFORM_APPLICATION_ARN: '',
  FCM_PLATFORM_APPLICATION_ARN: '',
};

describe("the message worker's SMS configuration", () => {
  it('leaves SMS notices off when nothing turns them on', () => {
    expect(messageWorkerConfig(base).smsNotices).toBeUndefined();
  });

  it('reads the hourly limit and the user pool when on', () => {
    const config = messageWorkerConfig({
      ...base,
      SMS_NOTICES: 'on',
      SMS_NOTICES_PER_HOUR: '5',
      USER_POOL_ID: 'us-east-1_pool',
    });

    expect(config.smsNotices).toEqual({ perHour: 5, userPoolId: 'us-east-1_pool' });
  });

  it('refuses SMS notices without the user pool that verifies the numbers', () => {
    expect(() => messageWorkerConfig({ ...base, SMS_NOTICES: 'on', USER_POOL_ID: '' })).toThrow(
      /USER_POOL_ID/,
    );
  });

  it.each(['0', '61', 'many'])('refuses %s SMS per hour', (perHour) => {
    expect(() =>
      messageWorkerConfig({
        ...base,
        SMS_NOTICES: 'on',
        SMS_NOTICES_PER_HOUR: perHour,
        USER_POOL_ID: 'p',
      }),
    ).toThrow(/SMS_NOTICES_PER_HOUR/);
  });
});
