import { randomBytes } from 'node:crypto';
import { MIN_CURSOR_KEY_LENGTH } from '../pagination/cursor-keys';
import type { SecretValuePolicy } from './secret-rotation';

// 48 random bytes are 64 base64url characters, as long as the key the
// template generates. Made here rather than with GetRandomPassword, which IAM
// can only grant on every resource.
const KEY_BYTES = 48;

/** A random HMAC key, and the check that a stored one is long enough to be one. */
export const randomKeyPolicy: SecretValuePolicy = {
  generate: () => randomBytes(KEY_BYTES).toString('base64url'),
  accepts: (value) => value.length >= MIN_CURSOR_KEY_LENGTH,
};
