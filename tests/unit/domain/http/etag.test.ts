import {
  assertPrecondition,
  BadRequestError,
  etagOf,
  parseIfMatch,
  PreconditionFailedError,
} from '@mobile-backend/domain/http';

describe('ETags', () => {
  it('quote the version', () => {
    expect(etagOf(7)).toBe('"7"');
  });
});

describe('If-Match parsing', () => {
  it.each([[null], [undefined], ['   ']])('means no precondition when absent (%p)', (header) => {
    expect(parseIfMatch(header)).toBeUndefined();
  });

  it('reads * as any current version', () => {
    expect(parseIfMatch('*')).toEqual({ kind: 'any' });
  });

  it('reads * with spaces around it as any current version', () => {
    expect(parseIfMatch(' * ')).toEqual({ kind: 'any' });
  });

  it('reads the largest version our ETags can carry, and no longer digit strings', () => {
    expect(parseIfMatch('"999999999999999", "1000000000000000"')).toEqual({
      kind: 'versions',
      versions: [999_999_999_999_999],
    });
  });

  it('refuses a malformed header with a 400 that says what If-Match may be', () => {
    expect(() => parseIfMatch('3')).toThrow('If-Match must be "*" or a list of entity tags.');
  });

  it('reads a strong tag as its version', () => {
    expect(parseIfMatch('"3"')).toEqual({ kind: 'versions', versions: [3] });
  });

  it('reads a weak tag as its version too', () => {
    expect(parseIfMatch('W/"3"')).toEqual({ kind: 'versions', versions: [3] });
  });

  it('reads a list of tags', () => {
    expect(parseIfMatch('"1", W/"2" ,"3"')).toEqual({ kind: 'versions', versions: [1, 2, 3] });
  });

  it.each(['"01"', '"1.0"', '"+1"', '"1e0"'])(
    'never reads %s as version 1: entity tags compare as exact text',
    (header) => {
      expect(parseIfMatch(header)).toEqual({ kind: 'versions', versions: [] });
    },
  );

  it('keeps foreign tags as never matching', () => {
    expect(parseIfMatch('"abc"')).toEqual({ kind: 'versions', versions: [] });
  });

  it.each([['3'], ['"3'], ['W/3'], ['"1" "2"']])('refuses a malformed header %j with 400', (h) => {
    expect(() => parseIfMatch(h)).toThrow(BadRequestError);
  });
});

describe('preconditions', () => {
  it('pass when there is none', () => {
    expect(() => assertPrecondition(undefined, 4)).not.toThrow();
  });

  it('pass for * whatever the version', () => {
    expect(() => assertPrecondition({ kind: 'any' }, 4)).not.toThrow();
  });

  it('pass when a listed version is current', () => {
    expect(() => assertPrecondition({ kind: 'versions', versions: [3, 4] }, 4)).not.toThrow();
  });

  it('fail with 412 naming the current version', () => {
    expect(() => assertPrecondition({ kind: 'versions', versions: [3] }, 4)).toThrow(
      'The resource is at version 4; If-Match did not match it.',
    );
  });

  it('fail with 412 when no listed version is current', () => {
    expect(() => assertPrecondition({ kind: 'versions', versions: [3] }, 4)).toThrow(
      PreconditionFailedError,
    );
  });
});
