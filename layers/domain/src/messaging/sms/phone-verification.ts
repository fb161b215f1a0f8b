/** Which phone number the identity provider verified for a user (port). */
export interface PhoneVerification {
  /** The user's phone number once confirmed with a code; undefined while unverified or unset. */
  verifiedPhoneNumberOf(userId: string): Promise<string | undefined>;
}
