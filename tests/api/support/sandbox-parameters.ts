// What the api suite's sandbox runs with beside the template's defaults, in
// one place: tests that depend on a value import it from here.

/** The hourly SMS limit per user: low, so that a test reaches it in a few messages. */
export const SMS_NOTICES_PER_HOUR = 2;

/** SMS notices are off by default (SNS bills every SMS); the suite turns them on. */
export const apiSandboxParameterOverrides = [
  'SmsNotices=on',
  `SmsNoticesPerHour=${SMS_NOTICES_PER_HOUR}`,
];
