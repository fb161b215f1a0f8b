import * as z from 'zod';
import { parseWith } from '../validation';
import { isUlid } from '../ulid';

/** What clients may upload; the template can narrow it (MEDIA_ALLOWED_TYPES). */
export const MEDIA_TYPES = [
  'image/jpeg',
  'image/png',
  'image/webp',
  'image/heic',
  'video/mp4',
] as const;
export type MediaType = (typeof MEDIA_TYPES)[number];

/** `pending` until the uploaded object has been checked; `rejected` objects are deleted. */
export type MediaStatus = 'pending' | 'ready' | 'rejected';

export interface Media {
  mediaId: string;
  ownerId: string;
  status: MediaStatus;
  /** Declared by the client, then confirmed from the object's first bytes. */
  contentType: MediaType;
  /** Declared by the client, then confirmed from the stored object. */
  size: number;
  fileName: string | null;
  /** The object key; its prefix binds the upload to the owner. */
  key: string;
  createdAt: string;
  updatedAt: string;
  /** Why processing rejected the object. */
  rejectionReason?: string;
}

export interface MediaLimits {
  maxBytes: number;
  allowedTypes: readonly MediaType[];
}

export function newMediaSchema(limits: MediaLimits) {
  return z.strictObject({
    contentType: z.enum(limits.allowedTypes as [MediaType, ...MediaType[]]),
    size: z.number().int().min(1).max(limits.maxBytes),
    // A hint for the client's own use; never part of the key, so it cannot steer where the object goes.
    fileName: z.string().trim().min(1).max(255).optional(),
  });
}

export type NewMedia = z.output<ReturnType<typeof newMediaSchema>>;

export function parseNewMedia(input: unknown, limits: MediaLimits): NewMedia {
  return parseWith(newMediaSchema(limits), input);
}

const KEY_PREFIX = 'media';

export function mediaKey(ownerId: string, mediaId: string): string {
  return `${KEY_PREFIX}/${ownerId}/${mediaId}`;
}

/** The prefix under which all of an owner's objects live. */
export function ownerPrefix(ownerId: string): string {
  return `${KEY_PREFIX}/${ownerId}/`;
}

/** The owner and media id a key names, or undefined for a key outside the media layout. */
export function parseMediaKey(key: string): { ownerId: string; mediaId: string } | undefined {
  const parts = key.split('/');
  if (parts.length !== 3 || parts[0] !== KEY_PREFIX || !parts[1] || !parts[2]) return undefined;
  return { ownerId: parts[1], mediaId: parts[2] };
}

export function isMediaId(value: string): boolean {
  return isUlid(value);
}
