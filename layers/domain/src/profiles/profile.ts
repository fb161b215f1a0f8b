import * as z from 'zod';
import { ValidationError } from '../errors';
import { parseWith } from '../validation';

const Role = z.enum(['customer', 'provider']);
export type Role = z.output<typeof Role>;

/** `PATCH /v1/me` (RFC 7396): `null` clears a nullable field; the role can only be replaced. */
export const ProfilePatchSchema = z.strictObject({
  displayName: z.string().trim().min(1).max(100).nullable().optional(),
  role: Role.optional(),
  bio: z.string().max(1000).nullable().optional(),
  avatarMediaId: z.string().min(1).max(64).nullable().optional(),
  // E.164 (`+` and up to 15 digits): the form SNS and Cognito take phone numbers in.
  phoneNumber: z.e164('must be an E.164 number such as +14155550100').nullable().optional(),
  smsNotices: z.boolean().optional(),
  smsWithText: z.boolean().optional(),
});

export interface Profile {
  userId: string;
  email: string | null;
  displayName: string | null;
  role: Role;
  bio: string | null;
  avatarMediaId: string | null;
  /** Where SMS notices go; sent only while Cognito holds this number as the user's verified one. */
  phoneNumber: string | null;
  /** Opted in to an SMS when a message finds no open app and no device to push to. */
  smsNotices: boolean;
  /** The SMS carries the message text; without it, only that a message arrived. */
  smsWithText: boolean;
  createdAt: string;
  updatedAt: string;
  version: number;
}

/** `deleting` from DELETE /v1/me until the erasure finishes; `deleted` afterwards. */
export type AccountStatus = 'active' | 'deleting' | 'deleted';

/** Role from the Cognito groups: membership of `providers` makes a provider. */
export function roleFromGroups(groups: readonly string[]): Role {
  return groups.includes('providers') ? 'provider' : 'customer';
}

export function newProfile(
  claims: { userId: string; email: string | null; groups: readonly string[] },
  now: Date,
): Profile {
  const timestamp = now.toISOString();
  return {
    userId: claims.userId,
    email: claims.email,
    displayName: null,
    role: roleFromGroups(claims.groups),
    bio: null,
    avatarMediaId: null,
    phoneNumber: null,
    smsNotices: false,
    smsWithText: false,
    createdAt: timestamp,
    updatedAt: timestamp,
    version: 1,
  };
}

/**
 * The profile with a merge patch applied (fields only; version and timestamps
 * are the caller's). SMS notices need a number: opting in without one, or
 * clearing the number while opted in, is a 422 on `smsNotices`.
 */
export function applyProfilePatch(current: Profile, patch: unknown): Profile {
  const changes = parseWith(ProfilePatchSchema, patch);
  const patched: Profile = {
    ...current,
    ...(changes.displayName !== undefined && { displayName: changes.displayName }),
    ...(changes.role !== undefined && { role: changes.role }),
    ...(changes.bio !== undefined && { bio: changes.bio }),
    ...(changes.avatarMediaId !== undefined && { avatarMediaId: changes.avatarMediaId }),
    ...(changes.phoneNumber !== undefined && { phoneNumber: changes.phoneNumber }),
    ...(changes.smsNotices !== undefined && { smsNotices: changes.smsNotices }),
    ...(changes.smsWithText !== undefined && { smsWithText: changes.smsWithText }),
  };
  if (patched.smsNotices && patched.phoneNumber === null) {
    throw new ValidationError([{ path: 'smsNotices', message: 'SMS notices need a phoneNumber.' }]);
  }
  return patched;
}
