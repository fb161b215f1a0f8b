import * as z from 'zod';
import { readEnvironment, type Environment, allowedOriginsOf } from '../config';

const nonEmpty = z.string().min(1);
// Empty: no credentials for that platform, so push is off for it (devices still register).
const platformApplicationArn = z
  .string()
  .regex(
    /^(arn:[\w-]+:sns:[\w-]+:\d{12}:app\/(APNS|APNS_SANDBOX|GCM)\/[\w.-]+)?$/,
    'must be an SNS platform application ARN, or empty for no push',
  );

const MessagingApiEnvironment = z.object({
  APP_TABLE_NAME: nonEmpty,
  IDEMPOTENCY_TABLE_NAME: nonEmpty,
  // The key itself is read from Secrets Manager at cold start, never from the environment.
  CURSOR_SIGNING_SECRET_ARN: nonEmpty,
  MESSAGE_QUEUE_URL: nonEmpty,
  APNS_PLATFORM_APPLICATION_ARN: platformApplicationArn,
  FCM_PLATFORM_APPLICATION_ARN: platformApplicationArn,
  ALLOWED_ORIGIN: nonEmpty.default('*'),
});

const MessageWorkerEnvironment = z
  .object({
    APP_TABLE_NAME: nonEmpty,
    IDEMPOTENCY_TABLE_NAME: nonEmpty,
    APNS_PLATFORM_APPLICATION_ARN: platformApplicationArn,
    FCM_PLATFORM_APPLICATION_ARN: platformApplicationArn,
    // SMS costs money per message: off unless the stack says on.
    SMS_NOTICES: z.enum(['on', 'off']).default('off'),
    SMS_NOTICES_PER_HOUR: z.coerce.number().int().min(1).max(60).default(3),
    USER_POOL_ID: z.string().default(''),
  })
  .refine((vars) => vars.SMS_NOTICES === 'off' || vars.USER_POOL_ID !== '', {
    path: ['USER_POOL_ID'],
    message: 'is needed with SMS_NOTICES=on (phone numbers are checked in Cognito)',
  });

export interface PushConfig {
  /** Platform application per device platform; '' where push is off. */
  platformApplications: { ios: string; android: string };
}

export interface MessagingApiConfig extends PushConfig {
  appTableName: string;
  idempotencyTableName: string;
  /** The secret whose AWSCURRENT version signs cursors (AWSPREVIOUS still verifies). */
  cursorSigningSecretArn: string;
  messageQueueUrl: string;
  allowedOrigins: string[];
}

/** SMS notices when on: at most `perHour` per user, to numbers `userPoolId` verified. */
export interface SmsNoticesConfig {
  perHour: number;
  userPoolId: string;
}

export interface MessageWorkerConfig extends PushConfig {
  appTableName: string;
  idempotencyTableName: string;
  /** Undefined while SMS notices are off. */
  smsNotices?: SmsNoticesConfig;
}

export function messagingApiConfig(env: Environment = process.env): MessagingApiConfig {
  const vars = readEnvironment(MessagingApiEnvironment, env);
  return {
    appTableName: vars.APP_TABLE_NAME,
    idempotencyTableName: vars.IDEMPOTENCY_TABLE_NAME,
    cursorSigningSecretArn: vars.CURSOR_SIGNING_SECRET_ARN,
    messageQueueUrl: vars.MESSAGE_QUEUE_URL,
    platformApplications: {
      ios: vars.APNS_PLATFORM_APPLICATION_ARN,
      android: vars.FCM_PLATFORM_APPLICATION_ARN,
    },
    allowedOrigins: allowedOriginsOf(vars.ALLOWED_ORIGIN),
  };
}

export function messageWorkerConfig(env: Environment = process.env): MessageWorkerConfig {
  const vars = readEnvironment(MessageWorkerEnvironment, env);
  return {
    appTableName: vars.APP_TABLE_NAME,
    idempotencyTableName: vars.IDEMPOTENCY_TABLE_NAME,
    platformApplications: {
      ios: vars.APNS_PLATFORM_APPLICATION_ARN,
      android: vars.FCM_PLATFORM_APPLICATION_ARN,
    },
    ...(vars.SMS_NOTICES === 'on' && {
      smsNotices: { perHour: vars.SMS_NOTICES_PER_HOUR, userPoolId: vars.USER_POOL_ID },
    }),
  };
}
