import { describe, expect, it } from '@jest/globals';
import { jsonLimitErrors, MAX_JSON_DEPTH } from '../../../../layers/domain/src/http/json-limits';

/** `levels` objects, each the only field `a` of the one around it: `{ a: { a: {} } }` is 3. */
function nested(levels: number, innermost: unknown = {}): unknown {
  let value = innermost;
  for (let level = 1; level < levels; level++) value = { a: value };
  return value;
}

describe('values a store can keep exactly', () => {
  it.each([
    ['zero', 0],
    ['the largest safe integer', Number.MAX_SAFE_INTEGER],
    ['the smallest safe integer', -Number.MAX_SAFE_INTEGER],
    ['a fraction', 1.5],
    ['the smallest magnitude DynamoDB stores', 1e-130],
    ['the smallest negative magnitude DynamoDB stores', -1e-130],
    ['text with a surrogate pair and U+FFFD', 'bike 🚲 \uFFFD'],
    ['null and booleans', [null, true, false]],
  ])('accepts %s', (_, value) => {
    expect(jsonLimitErrors({ n: value })).toEqual([]);
  });

  it(`accepts objects nested ${MAX_JSON_DEPTH} levels deep`, () => {
    const body = nested(MAX_JSON_DEPTH);

    expect(jsonLimitErrors(body)).toEqual([]);
  });
});

describe('values no store can keep exactly', () => {
  it.each([
    ['an integer just above the safe range', 2 ** 53],
    ['an integer just below the safe range', -(2 ** 53)],
  ])('refuses %s', (_, value) => {
    expect(jsonLimitErrors({ n: value })).toEqual([
      { path: 'n', message: 'Integers must lie within ±9007199254740991 to be stored exactly.' },
    ]);
  });

  it.each([
    ['an infinite number (1e400 in JSON)', Number.POSITIVE_INFINITY],
    ['a negative infinite number', Number.NEGATIVE_INFINITY],
    ['NaN', Number.NaN],
  ])('refuses %s', (_, value) => {
    expect(jsonLimitErrors({ n: value })).toEqual([
      { path: 'n', message: 'Numbers must be finite.' },
    ]);
  });

  it.each([
    ['a fraction too small to store', 1e-131],
    ['a negative fraction too small to store', -1e-131],
  ])('refuses %s', (_, value) => {
    expect(jsonLimitErrors({ n: value })).toEqual([
      { path: 'n', message: 'Numbers other than 0 must be at least 1e-130 in magnitude.' },
    ]);
  });

  it.each([
    ['a lone high surrogate', 'a\uD800b'],
    ['a lone low surrogate', '\uDC00'],
  ])('refuses text with %s', (_, value) => {
    expect(jsonLimitErrors({ title: value })).toEqual([
      { path: 'title', message: 'Text must be well-formed Unicode (no lone surrogates).' },
    ]);
  });

  it.each([['\uFFFE'], ['\uFFFF']])('refuses text with the noncharacter %j', (character) => {
    expect(jsonLimitErrors({ title: `x${character}` })).toEqual([
      { path: 'title', message: 'Text must not contain U+FFFE or U+FFFF.' },
    ]);
  });

  it('refuses a string body as text too', () => {
    expect(jsonLimitErrors('\uFFFF')).toEqual([
      { path: '', message: 'Text must not contain U+FFFE or U+FFFF.' },
    ]);
  });

  it(`refuses objects nested deeper than ${MAX_JSON_DEPTH} levels, at the first level too deep`, () => {
    const body = nested(MAX_JSON_DEPTH + 1);

    expect(jsonLimitErrors(body)).toEqual([
      {
        path: Array.from({ length: MAX_JSON_DEPTH }, () => 'a').join('.'),
        message: `JSON may nest at most ${MAX_JSON_DEPTH} levels.`,
      },
    ]);
  });

  it('counts arrays as levels like objects', () => {
    const body = nested(MAX_JSON_DEPTH, [[]]);

    expect(jsonLimitErrors(body)).toHaveLength(1);
  });

  it('refuses a body nested 100,000 levels deep without overflowing the stack', () => {
    const body = JSON.parse(`${'['.repeat(100_000)}${']'.repeat(100_000)}`) as unknown;

    expect(jsonLimitErrors(body)).toHaveLength(1);
  });
});

describe('object keys', () => {
  it('refuses an empty key, at its own path', () => {
    expect(jsonLimitErrors({ data: { '': 1 } })).toEqual([
      { path: 'data.', message: 'Object keys must not be empty.' },
    ]);
  });

  it('refuses __proto__ as a key', () => {
    const body = JSON.parse('{"data":{"__proto__":{"admin":true}}}') as unknown;

    expect(jsonLimitErrors(body)).toEqual([
      { path: 'data.__proto__', message: '"__proto__" cannot be used as a key.' },
    ]);
  });

  it('refuses a key that is not well-formed text', () => {
    expect(jsonLimitErrors({ data: { 'k\uD800': 1 } })).toEqual([
      { path: 'data.k\uD800', message: 'Text must be well-formed Unicode (no lone surrogates).' },
    ]);
  });

  it('does not look inside the value of a refused key', () => {
    expect(jsonLimitErrors({ '': { n: Number.POSITIVE_INFINITY } })).toHaveLength(1);
  });

  it('reports array elements by their index', () => {
    expect(jsonLimitErrors({ data: { n: [1, 2 ** 60] } })).toEqual([
      { path: 'data.n.1', message: expect.stringContaining('Integers') },
    ]);
  });

  it('keeps the key check for objects: array elements have no keys to refuse', () => {
    expect(jsonLimitErrors({ tags: ['', '__proto__'] })).toEqual([]);
  });
});

describe('the number of errors reported', () => {
  const manyBad = { values: Array.from({ length: 30 }, () => Number.POSITIVE_INFINITY) };

  it('stops at 20 by default', () => {
    expect(jsonLimitErrors(manyBad)).toHaveLength(20);
  });

  it('stops at the maximum it is given', () => {
    expect(jsonLimitErrors(manyBad, 3)).toHaveLength(3);
  });
});
