import type { ProfileStore } from '../../profiles/profile-store';
import type { SmsSubscription } from './sms-notice';

/** Who opted in to SMS notices, and how (port). */
export interface SmsSubscriptions {
  /** The recipient's subscription; undefined when they did not opt in or their account is not active. */
  of(userId: string): Promise<SmsSubscription | undefined>;
}

/** The choice is part of the profile (`PATCH /v1/me`). */
export class ProfileSmsSubscriptions implements SmsSubscriptions {
  constructor(private readonly profiles: ProfileStore) {}

  async of(userId: string): Promise<SmsSubscription | undefined> {
    const stored = await this.profiles.get(userId);
    if (stored?.status !== 'active') return undefined;
    const { smsNotices, phoneNumber, smsWithText } = stored.profile;
    if (!smsNotices || phoneNumber === null) return undefined;
    return { phoneNumber, includesText: smsWithText };
  }
}
