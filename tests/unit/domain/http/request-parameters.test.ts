import {
  BadRequestError,
  parseCursorParameter,
  parseIdempotencyKey,
  parsePageSize,
} from '@mobile-backend/domain/http';

describe('the page size', () => {
  it('defaults to 20', () => {
    expect(parsePageSize(null)).toBe(20);
  });

  it.each([
    ['1', 1],
    ['100', 100],
    ['42', 42],
  ])('accepts %j', (value, size) => {
    expect(parsePageSize(value)).toBe(size);
  });

  it.each([['0'], ['101'], ['-1'], ['2.5'], ['ten'], [''], ['1e2'], [' 5']])(
    'refuses %j with 400',
    (value) => {
      expect(() => parsePageSize(value)).toThrow(BadRequestError);
    },
  );

  it.each([['5 '], ['1000'], ['0100']])(
    'refuses %j: digits only, three at most, 1 to 100',
    (value) => {
      expect(() => parsePageSize(value)).toThrow('limit must be an integer from 1 to 100.');
    },
  );

  it('reads a leading zero as the number it spells', () => {
    expect(parsePageSize('007')).toBe(7);
  });

  it('keeps a non-empty cursor as given', () => {
    expect(parseCursorParameter('abc.def')).toBe('abc.def');
  });
});

describe('the cursor parameter', () => {
  it('is absent when missing or empty', () => {
    expect(parseCursorParameter(null)).toBeUndefined();
    expect(parseCursorParameter('')).toBeUndefined();
  });
});

describe('the Idempotency-Key header', () => {
  it('is optional', () => {
    expect(parseIdempotencyKey(null)).toBeUndefined();
  });

  it('accepts 128 characters', () => {
    expect(parseIdempotencyKey('k'.repeat(128))).toHaveLength(128);
  });

  it('refuses a key that is too long with a 400 that gives the limit', () => {
    expect(() => parseIdempotencyKey('k'.repeat(129))).toThrow(
      'Idempotency-Key must be 1 to 128 characters long.',
    );
  });

  it.each([[''], ['k'.repeat(129)]])('refuses a key of length %#', (key) => {
    expect(() => parseIdempotencyKey(key)).toThrow(BadRequestError);
  });
});
