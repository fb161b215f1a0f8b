import { createHmac } from 'node:crypto';
import { BadRequestError, CursorCodec } from '@mobile-backend/domain/http';

const key = 'k'.repeat(32);
const codec = new CursorCodec(key);
const scope = { userId: 'user-1', listing: 'items' };
const position = { PK: 'ITEM#01J', SK: 'ITEM', GSI1PK: 'OWNER#user-1', GSI1SK: 'ITEM#01J' };

function flipLastCharacter(text: string): string {
  return text.slice(0, -1) + (text.endsWith('A') ? 'B' : 'A');
}

describe('pagination cursors', () => {
  it('decode to the position they were made from', () => {
    const cursor = codec.encode(position, scope);

    expect(codec.decode(cursor, scope)).toEqual(position);
  });

  it('are opaque: the page key is not readable as plain text', () => {
    expect(codec.encode(position, scope)).not.toContain('OWNER#');
  });

  it('are refused with a tampered signature', () => {
    const [payload, signature] = codec.encode(position, scope).split('.');

    expect(() => codec.decode(`${payload}.${flipLastCharacter(signature ?? '')}`, scope)).toThrow(
      BadRequestError,
    );
  });

  it('are refused with a signature spelled differently, even where it decodes to the same bytes', () => {
    const [payload, signature = ''] = codec.encode(position, scope).split('.');
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    // A 32-byte HMAC is 43 base64url characters: the last one's two lowest bits are spare.
    const last = alphabet.indexOf(signature.at(-1) ?? 'A');
    const respelled = signature.slice(0, -1) + alphabet.charAt(last ^ 1);
    expect(Buffer.from(respelled, 'base64url')).toEqual(Buffer.from(signature, 'base64url'));

    expect(() => codec.decode(`${payload}.${respelled}`, scope)).toThrow(BadRequestError);
  });

  it('are refused with a tampered payload', () => {
    const [, signature] = codec.encode(position, scope).split('.');
    const forged = Buffer.from(
      JSON.stringify({ u: 'user-1', l: 'items', k: { ...position, GSI1PK: 'OWNER#user-2' } }),
    ).toString('base64url');

    expect(() => codec.decode(`${forged}.${signature}`, scope)).toThrow(BadRequestError);
  });

  it("are refused when they belong to another user's listing", () => {
    const cursor = codec.encode(position, { userId: 'user-2', listing: 'items' });

    expect(() => codec.decode(cursor, scope)).toThrow(BadRequestError);
  });

  it('are refused for another kind of listing', () => {
    const cursor = codec.encode(position, { userId: 'user-1', listing: 'conversations' });

    expect(() => codec.decode(cursor, scope)).toThrow(BadRequestError);
  });

  it('are refused when signed with another key', () => {
    const cursor = new CursorCodec('o'.repeat(32)).encode(position, scope);

    expect(() => codec.decode(cursor, scope)).toThrow(BadRequestError);
  });

  it.each([[''], ['garbage'], ['a.b.c'], ['.'], ['%%%.***'], ['eyJ1Ijo.']])(
    'are refused when malformed: %j',
    (cursor) => {
      expect(() => codec.decode(cursor, scope)).toThrow(BadRequestError);
    },
  );

  it('are refused when correctly signed but not shaped like a cursor', () => {
    const payload = Buffer.from(JSON.stringify({ u: 'user-1', l: 'items', k: { PK: 1 } })).toString(
      'base64url',
    );
    const signature = createHmac('sha256', key).update(payload).digest('base64url');

    expect(() => codec.decode(`${payload}.${signature}`, scope)).toThrow(BadRequestError);
  });

  it('are refused when correctly signed but not JSON', () => {
    const payload = Buffer.from('{not json').toString('base64url');
    const signature = createHmac('sha256', key).update(payload).digest('base64url');

    expect(() => codec.decode(`${payload}.${signature}`, scope)).toThrow(BadRequestError);
  });

  it('are refused with anything after the signature', () => {
    const cursor = codec.encode(position, scope);

    expect(() => codec.decode(`${cursor}.more`, scope)).toThrow(BadRequestError);
  });

  it('are refused with a message that says the cursor does not fit the listing', () => {
    const cursor = codec.encode(position, { userId: 'user-2', listing: 'items' });

    expect(() => codec.decode(cursor, scope)).toThrow('The cursor is not valid for this listing.');
  });
});
