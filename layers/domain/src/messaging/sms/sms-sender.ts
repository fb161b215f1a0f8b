/** `sent`, or `refused`: SNS cannot text the number (malformed, unsupported), so retrying is no use. */
export type SmsOutcome = 'sent' | 'refused';

/** Text messages to phone numbers (SNS SMS). */
export interface SmsSender {
  /** Sends one transactional SMS; throws for failures worth retrying. */
  send(phoneNumber: string, text: string): Promise<SmsOutcome>;
}
