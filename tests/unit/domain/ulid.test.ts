import { describe, expect, it } from '@jest/globals';
import { monotonicFactory } from 'ulid';
import { isUlid } from '../../../layers/domain/src/ulid';

describe('telling a ULID from any other string', () => {
  const newId = monotonicFactory();

  it('accepts the ids the API gives items and media', () => {
    const id = newId();

    expect(isUlid(id)).toBe(true);
  });

  it('refuses a ULID with text before it', () => {
    const id = `ITEM#${newId()}`;

    expect(isUlid(id)).toBe(false);
  });

  it('refuses a ULID with text after it', () => {
    const id = `${newId()}#PROFILE`;

    expect(isUlid(id)).toBe(false);
  });

  it.each([
    ['25 characters', '0'.repeat(25)],
    ['27 characters', '0'.repeat(27)],
    ['lowercase', '01arz3ndektsv4rrffq69g5fav'],
    ['I, L, O and U, which Crockford base32 leaves out', '01ARZ3NDEKTSV4RRFFQ69G5ILO'],
  ])('refuses a string of %s', (_, value) => {
    expect(isUlid(value)).toBe(false);
  });
});
