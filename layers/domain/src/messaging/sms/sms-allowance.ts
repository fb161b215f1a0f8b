/**
 * `granted`: this message may be sent by SMS and is now counted, `release`
 * gives it back when the SMS could not be sent (so a retry may send it);
 * `sent-already`: an earlier attempt of the same message took its SMS;
 * `capped`: the user had their SMS notices for this hour.
 */
export type SmsClaim =
  { outcome: 'granted'; release(): Promise<void> } | { outcome: 'sent-already' | 'capped' };

/**
 * How many SMS notices a user may still get (port): at most a number per user
 * per clock hour, and one per message however often the message is retried.
 */
export interface SmsAllowance {
  claim(userId: string, messageId: string): Promise<SmsClaim>;
}
