import * as z from 'zod';
import { parseWith } from '../validation';

const Role = z.enum(['customer', 'provider']);
export type Role = z.output<typeof Role>;

/** `PATCH /v1/me` (RFC 7396): `null` clears a nullable field; the role can only be replaced. */
export const ProfilePatchSchema = z.strictObject({
  displayName: z.string().trim().min(1).max(100).nullable().optional(),
  role: Role.optional(),
  bio: z.string().max(1000).nullable().optional(),
  avatarMediaId: z.string().min(1).max(64).nullable().optional(),
});

export interface Profile {
  userId: string;
  email: string | null;
  displayName: string | null;
  role: Role;
  bio: string | null;
  avatarMediaId: string | null;
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
    createdAt: timestamp,
    updatedAt: timestamp,
    version: 1,
  };
}

/** The profile with a merge patch applied (fields only; version and timestamps are the caller's). */
export function applyProfilePatch(current: Profile, patch: unknown): Profile {
  const changes = parseWith(ProfilePatchSchema, patch);
  return {
    ...current,
    ...(changes.displayName !== undefined && { displayName: changes.displayName }),
    ...(changes.role !== undefined && { role: changes.role }),
    ...(changes.bio !== undefined && { bio: changes.bio }),
    ...(changes.avatarMediaId !== undefined && { avatarMediaId: changes.avatarMediaId }),
  };
}
