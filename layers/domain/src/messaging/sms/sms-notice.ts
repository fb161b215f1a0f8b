import type { StoredMessage } from '../message';

/** What a recipient chose in their profile: the number, and whether the text may travel by SMS. */
export interface SmsSubscription {
  phoneNumber: string;
  includesText: boolean;
}

/**
 * Short enough for one SMS segment of 160 GSM characters with the prefix;
 * a text in another alphabet may still take two or three (70 per segment).
 */
const MAX_TEXT_CHARS = 120;

export const SMS_WITHOUT_TEXT = 'You have a new message. Open the app to read it.';

/** The SMS for a message: the text only when the recipient chose it, else only that one arrived. */
export function smsTextFor(message: StoredMessage, subscription: SmsSubscription): string {
  if (!subscription.includesText) return SMS_WITHOUT_TEXT;
  const characters = [...message.text];
  const text =
    characters.length > MAX_TEXT_CHARS
      ? `${characters.slice(0, MAX_TEXT_CHARS - 1).join('')}…`
      : message.text;
  return `New message: ${text}`;
}

/**
 * Only the number Cognito verified for the user: a number typed into the
 * profile and never confirmed with a code may be someone else's.
 */
export function isVerifiedNumber(
  subscription: SmsSubscription,
  verifiedPhoneNumber: string | undefined,
): boolean {
  return verifiedPhoneNumber !== undefined && verifiedPhoneNumber === subscription.phoneNumber;
}
