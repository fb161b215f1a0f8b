import { BadRequestError } from '../errors';

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

/** `?limit=`: an integer 1..100, 20 when absent; anything else is a 400. */
export function parsePageSize(value: string | null): number {
  if (value === null) return DEFAULT_PAGE_SIZE;
  const size = /^\d{1,3}$/.test(value) ? Number(value) : Number.NaN;
  if (!(size >= 1 && size <= MAX_PAGE_SIZE)) {
    throw new BadRequestError(`limit must be an integer from 1 to ${MAX_PAGE_SIZE}.`);
  }
  return size;
}

/** `?cursor=`: absent or empty means the first page. */
export function parseCursorParameter(value: string | null): string | undefined {
  return value === null || value === '' ? undefined : value;
}

export const MAX_IDEMPOTENCY_KEY_LENGTH = 128;

/** `Idempotency-Key`: optional, 1..128 characters. */
export function parseIdempotencyKey(value: string | null): string | undefined {
  if (value === null) return undefined;
  if (value.length === 0 || value.length > MAX_IDEMPOTENCY_KEY_LENGTH) {
    throw new BadRequestError(
      `Idempotency-Key must be 1 to ${MAX_IDEMPOTENCY_KEY_LENGTH} characters long.`,
    );
  }
  return value;
}
