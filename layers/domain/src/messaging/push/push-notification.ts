import type { StoredMessage } from '../message';

/** The key of a platform in an SNS `MessageStructure: json` message (FCM goes through SNS as `GCM`). */
export type PushPlatformKey = 'APNS' | 'APNS_SANDBOX' | 'GCM';

/** What a phone shows for a message. */
export interface PushNotification {
  title: string;
  body: string;
  messageId: string;
  from: string;
}

const MAX_BODY_CHARS = 180;

/** The banner for a new message: who sent it and the start of its text. */
export function notificationFor(message: StoredMessage, senderName?: string): PushNotification {
  const body =
    message.text.length > MAX_BODY_CHARS
      ? `${message.text.slice(0, MAX_BODY_CHARS - 1)}…`
      : message.text;
  return {
    title: senderName ? `New message from ${senderName}` : 'New message',
    body,
    messageId: message.messageId,
    from: message.from,
  };
}

/** The platform's own payload: APNs wants `aps.alert`, FCM `notification` plus string-valued `data`. */
export function platformPayload(platform: PushPlatformKey, notification: PushNotification): object {
  const { title, body, messageId, from } = notification;
  if (platform === 'GCM') return { notification: { title, body }, data: { messageId, from } };
  return { aps: { alert: { title, body }, sound: 'default' }, messageId, from };
}

/**
 * The SNS `Message` for `MessageStructure: json`: a `default` text for any
 * other protocol and the platform payload as a JSON string under its key.
 */
export function snsMessageFor(platform: PushPlatformKey, notification: PushNotification): string {
  return JSON.stringify({
    default: notification.body,
    [platform]: JSON.stringify(platformPayload(platform, notification)),
  });
}

/** `arn:aws:sns:<region>:<account>:endpoint/<PLATFORM>/<app>/<id>` (or `app/<PLATFORM>/<app>`) → PLATFORM. */
export function platformKeyOfArn(arn: string): PushPlatformKey {
  const match = /:(?:endpoint|app)\/(APNS_SANDBOX|APNS|GCM)\//.exec(arn);
  if (!match?.[1]) throw new Error(`Not an APNs or FCM platform ARN: ${arn}`);
  return match[1] as PushPlatformKey;
}
