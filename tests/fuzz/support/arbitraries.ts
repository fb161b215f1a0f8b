// Generated requests for every REST route: mostly wrong in one or several
// ways at once (ids, bodies, headers, tokens, methods), sometimes right.
import fc from 'fast-check';
import type { RawRequest } from './raw-http';

/** What the generators draw from, fixed before the run: tokens, and ids that exist. */
export interface FuzzWorld {
  /** Valid tokens, forged ones, expired, tampered and plain junk. */
  tokens: string[];
  /** Ids of real resources, the fuzzer's own and another user's. */
  ids: string[];
  /** Cursors of real listings, of the fuzzer and of another user. */
  cursors: string[];
}

/** Every REST route except `DELETE /v1/me`, which would end the fuzzer's own account. */
export const ROUTES: [method: string, path: string][] = [
  ['GET', '/v1/me'],
  ['PATCH', '/v1/me'],
  ['GET', '/v1/items'],
  ['POST', '/v1/items'],
  ['GET', '/v1/items/{id}'],
  ['PATCH', '/v1/items/{id}'],
  ['DELETE', '/v1/items/{id}'],
  ['GET', '/v1/search'],
  ['POST', '/v1/media'],
  ['GET', '/v1/media/{id}'],
  ['DELETE', '/v1/media/{id}'],
  ['POST', '/v1/devices'],
  ['GET', '/v1/devices'],
  ['DELETE', '/v1/devices/{id}'],
  ['POST', '/v1/messages'],
  ['GET', '/v1/conversations'],
  ['GET', '/v1/conversations/{id}/messages'],
  // SigV4 routes: a bearer token, a forged or no signature must be refused as a problem.
  ['GET', '/v1/public/search'],
  ['GET', '/v1/public/items/{id}'],
];

const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS', 'TRACE', 'PROPFIND'];

/** Strings that break parsers, encoders and stores in well-known ways. */
const NASTY_TEXT = [
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '\ud800',
  'tok\udfff',
  '\u202eevil\u202c',
  '\uffff',
  '\ufeff{}',
  'hi 🦄',
  '𝓊𝓃𝒾𝒸𝑜𝒹𝑒',
  '../../etc/passwd',
  '<script>alert(1)</script>',
  '" OR 1=1 --',
  "(and (term field=ownerId 'x') (not visibility:'private'))",
  '%00',
  'x'.repeat(5000),
];

const text = fc.oneof(
  { weight: 3, arbitrary: fc.string({ maxLength: 60 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 2, arbitrary: fc.constantFrom(...NASTY_TEXT) },
);

/** Path segments as a hostile client writes them, percent-escapes left as they are. */
const PATH_SEGMENTS = [
  '..',
  '.',
  '%00',
  '%2F',
  '%2e%2e',
  '%',
  '%zz',
  '%FF%FE',
  '%ED%A0%80',
  '%E2%80%AE',
  '%F0%9F%A6%84',
  'A'.repeat(1025),
  // Long enough to pass every id limit, short enough for the 16 KiB of headers a server reads.
  'B'.repeat(8_000),
  '01HZZZZZZZZZZZZZZZZZZZZZZZ',
  '01hzzzzzzzzzzzzzzzzzzzzzzz',
];

function idArbitrary(world: FuzzWorld): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...world.ids) },
    { weight: 3, arbitrary: fc.constantFrom(...PATH_SEGMENTS) },
    { weight: 2, arbitrary: fc.ulid() },
    { weight: 2, arbitrary: text.map((value) => encodeLoosely(value)) },
  );
}

/** encodeURIComponent, except that a lone surrogate is sent as its raw UTF-8-ish bytes. */
function encodeLoosely(value: string): string {
  return Buffer.from(value, 'utf8')
    .toString('latin1')
    .replace(/[^A-Za-z0-9._~-]/g, (char) => `%${char.charCodeAt(0).toString(16).padStart(2, '0')}`);
}

function cursorArbitrary(world: FuzzWorld): fc.Arbitrary<string> {
  return fc.oneof(
    fc.constantFrom(...world.cursors),
    fc.constantFrom(...world.cursors).map((cursor) => `${cursor.slice(0, -1)}A`),
    fc.constantFrom(...world.cursors).map((cursor) => cursor.split('.').reverse().join('.')),
    fc.base64String({ maxLength: 200 }),
    text,
  );
}

function queryArbitrary(world: FuzzWorld): fc.Arbitrary<string> {
  // Short enough that the request line stays inside the 16 KiB of headers a server reads.
  const value = fc
    .oneof(text, cursorArbitrary(world), fc.integer().map(String))
    .map((query) => query.slice(0, 500));
  const pair = fc.tuple(
    fc.constantFrom('limit', 'cursor', 'q', 'tags', 'owner', 'item', 'limit', 'x'),
    value,
  );
  return fc
    .array(pair, { maxLength: 4 })
    .map((pairs) =>
      pairs.length === 0
        ? ''
        : `?${pairs.map(([key, val]) => `${key}=${encodeLoosely(val)}`).join('&')}`,
    );
}

/** Numbers at and beyond what JSON, JavaScript and DynamoDB agree on. */
const EDGE_NUMBERS = [
  '9007199254740993',
  '1e20',
  '1e400',
  '-1e400',
  '1e-300',
  '-0',
  '0.1',
  '123456789012345678901234567890',
];

function deepJson(depth: number): string {
  return `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;
}

/** A field's value: right for the field two times in three, else hostile text or any JSON. */
function field(valid: fc.Arbitrary<unknown>): fc.Arbitrary<unknown> {
  return fc.oneof(
    { weight: 4, arbitrary: valid },
    { weight: 1, arbitrary: text },
    { weight: 1, arbitrary: fc.jsonValue() },
  );
}

const words = fc.string({ minLength: 1, maxLength: 40 });

/** The fields each route reads, so that a body is often valid but for one hostile value. */
const bodyFields = (world: FuzzWorld): Record<string, Record<string, fc.Arbitrary<unknown>>> => ({
  '/v1/me': {
    displayName: field(words),
    role: field(fc.constantFrom('customer', 'provider')),
    bio: field(words),
    avatarMediaId: field(fc.ulid()),
    phoneNumber: field(fc.stringMatching(/^\+[1-9]\d{6,14}$/)),
    smsNotices: field(fc.boolean()),
    smsWithText: field(fc.boolean()),
  },
  '/v1/items': {
    title: field(words),
    body: field(text),
    tags: field(fc.array(words, { maxLength: 5 })),
    visibility: field(fc.constantFrom('public', 'private')),
    data: field(fc.dictionary(text, fc.jsonValue({ maxDepth: 4 }))),
    mediaIds: field(fc.array(fc.ulid(), { maxLength: 3 })),
  },
  '/v1/media': {
    contentType: field(fc.constantFrom('image/jpeg', 'image/png', 'video/mp4')),
    size: field(fc.integer({ min: 1, max: 1000 })),
    fileName: field(words),
  },
  '/v1/devices': {
    platform: field(fc.constantFrom('ios', 'android')),
    token: fc.oneof(words, text),
  },
  '/v1/messages': { to: field(fc.constantFrom(...world.ids)), text: fc.oneof(words, text) },
});

function routeBody(world: FuzzWorld, template: string): fc.Arbitrary<string> {
  const collection = template.replace(/\/\{id\}.*$/, '');
  const all = bodyFields(world);
  const fields = all[collection] ?? all['/v1/items'] ?? {};
  return fc
    .record(fields, { requiredKeys: Object.keys(fields).slice(0, 1) })
    .map((value) => JSON.stringify(value));
}

/** A JSON text for a body: shaped like the route's input, or any JSON, or not JSON at all. */
function jsonBody(world: FuzzWorld, template: string): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 6, arbitrary: routeBody(world, template) },
    { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 5 }).map((value) => JSON.stringify(value)) },
    {
      weight: 1,
      arbitrary: fc
        .tuple(fc.constantFrom('data', 'size', 'title'), fc.constantFrom(...EDGE_NUMBERS))
        .map(([key, number]) => `{"title":"t","${key}":{"n":${number}}}`),
    },
    {
      weight: 1,
      arbitrary: fc
        .constantFrom(10, 31, 33, 200, 10_000)
        .map((depth) => `{"title":"t","data":${deepJson(depth)}}`),
    },
    {
      weight: 1,
      arbitrary: fc.constantFrom(
        '',
        '{',
        '{"title":',
        'null',
        '[]',
        '"text"',
        '{"title":"t"}{"title":"u"}',
        '{"__proto__":{"admin":true},"title":"t"}',
        '{"title":"t","data":{"":1,"constructor":{"prototype":1}}}',
        `{"title":"${'x'.repeat(70_000)}"}`,
      ),
    },
    { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 100 }) },
  );
}

const CONTENT_TYPES = [
  'application/json',
  'application/json; charset=utf-8',
  'application/json; charset=latin1',
  'application/merge-patch+json',
  'APPLICATION/JSON',
  'text/plain',
  'multipart/form-data; boundary=x',
  '',
];

const asciiHeader = fc
  .string({ maxLength: 200 })
  .map((value) => value.replace(/[^\x20-\x7e]/g, '').trim());

function headerArbitrary(world: FuzzWorld): fc.Arbitrary<Record<string, string | string[]>> {
  const authorization = fc.oneof(
    // Mostly the fuzzer's own valid token, so most requests reach the functions.
    { weight: 8, arbitrary: fc.constant(`Bearer ${world.tokens[0] ?? ''}`) },
    { weight: 3, arbitrary: fc.constantFrom(...world.tokens).map((token) => `Bearer ${token}`) },
    { weight: 1, arbitrary: fc.constantFrom(...world.tokens) },
    { weight: 1, arbitrary: fc.constantFrom('Bearer', 'Basic dXNlcjpwdw==', 'Bearer  ') },
    {
      weight: 1,
      arbitrary: fc
        .tuple(fc.constantFrom(...world.tokens), fc.constantFrom(...world.tokens))
        .map(([a, b]) => [`Bearer ${a}`, `Bearer ${b}`]),
    },
  );
  return fc.record(
    {
      Authorization: authorization,
      'Content-Type': fc.oneof(
        { weight: 6, arbitrary: fc.constant('application/json') },
        { weight: 2, arbitrary: fc.constantFrom(...CONTENT_TYPES) },
        { weight: 1, arbitrary: fc.constant<string[]>(['application/json', 'text/plain']) },
      ),
      'If-Match': fc.oneof(
        fc.constantFrom('*', '"1"', '"01"', 'W/"1"', '"1", "2"', '1', '"', 'W/', '"x"'.repeat(100)),
        asciiHeader,
      ),
      'Idempotency-Key': fc.oneof(
        fc
          .string({ minLength: 1, maxLength: 128 })
          .map((value) => value.replace(/[^\x21-\x7e]/g, 'k')),
        fc.constant('k'.repeat(1000)),
        asciiHeader,
      ),
      Origin: fc.constantFrom('https://evil.example', 'null', 'http://localhost:3000'),
      // With a 10 KB id and two tokens, still inside the 16 KiB of headers a server reads.
      'X-Junk': fc.constant('v'.repeat(500)),
    },
    { requiredKeys: ['Authorization', 'Content-Type'] },
  );
}

/** One request to a REST route, with a mostly-right or deliberately wrong method. */
export function requestArbitrary(world: FuzzWorld): fc.Arbitrary<RawRequest> {
  return fc
    .record({
      route: fc.constantFrom(...ROUTES),
      otherMethod: fc.option(fc.constantFrom(...METHODS), { freq: 6 }),
      id: idArbitrary(world),
      query: queryArbitrary(world),
      headers: headerArbitrary(world),
      bodySeed: fc.option(fc.nat(), { freq: 3 }),
    })
    .chain(({ route, bodySeed, ...rest }) =>
      (bodySeed === null ? fc.constant(null) : jsonBody(world, route[1])).map((body) => ({
        route,
        body,
        ...rest,
      })),
    )
    .map(({ route: [method, template], otherMethod, id, query, headers, body }) => ({
      // DELETE /v1/me would erase the fuzzer's account and leave every later request a 401.
      method: template === '/v1/me' && otherMethod === 'DELETE' ? method : (otherMethod ?? method),
      path: `${template.replace('{id}', id)}${query}`,
      headers,
      ...(body !== null && { body: Buffer.from(body, 'utf8') }),
    }));
}
