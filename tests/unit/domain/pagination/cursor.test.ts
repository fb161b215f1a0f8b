import { createHmac } from 'node:crypto';
import { BadRequestError, CursorCodec, fixedCursorKeys } from '@mobile-backend/domain/http';

const key = 'k'.repeat(32);
const codec = new CursorCodec(fixedCursorKeys(key));
const scope = { userId: 'user-1', listing: 'items' };
const position = { PK: 'ITEM#01J', SK: 'ITEM', GSI1PK: 'OWNER#user-1', GSI1SK: 'ITEM#01J' };

function flipLastCharacter(text: string): string {
  return text.slice(0, -1) + (text.endsWith('A') ? 'B' : 'A');
}

describe('pagination cursors', () => {
  it('decode to the position they were made from', async () => {
    const cursor = await codec.encode(position, scope);

    await expect(codec.decode(cursor, scope)).resolves.toEqual(position);
  });

  it('are opaque: the page key is not readable as plain text', async () => {
    expect(await codec.encode(position, scope)).not.toContain('OWNER#');
  });

  it('are refused with a tampered signature', async () => {
    const [payload, signature] = (await codec.encode(position, scope)).split('.');

    await expect(
      codec.decode(`${payload}.${flipLastCharacter(signature ?? '')}`, scope),
    ).rejects.toThrow(BadRequestError);
  });

  it('are refused with a signature spelled differently, even where it decodes to the same bytes', async () => {
    const [payload, signature = ''] = (await codec.encode(position, scope)).split('.');
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    // A 32-byte HMAC is 43 base64url characters: the last one's two lowest bits are spare.
    const last = alphabet.indexOf(signature.at(-1) ?? 'A');
    const respelled = signature.slice(0, -1) + alphabet.charAt(last ^ 1);
    expect(Buffer.from(respelled, 'base64url')).toEqual(Buffer.from(signature, 'base64url'));

    await expect(codec.decode(`${payload}.${respelled}`, scope)).rejects.toThrow(BadRequestError);
  });

  it('are refused with a tampered payload', async () => {
    const [, signature] = (await codec.encode(position, scope)).split('.');
    const forged = Buffer.from(
      JSON.stringify({ u: 'user-1', l: 'items', k: { ...position, GSI1PK: 'OWNER#user-2' } }),
    ).toString('base64url');

    await expect(codec.decode(`${forged}.${signature}`, scope)).rejects.toThrow(BadRequestError);
  });

  it("are refused when they belong to another user's listing", async () => {
    const cursor = await codec.encode(position, { userId: 'user-2', listing: 'items' });

    await expect(codec.decode(cursor, scope)).rejects.toThrow(BadRequestError);
  });

  it('are refused for another kind of listing', async () => {
    const cursor = await codec.encode(position, { userId: 'user-1', listing: 'conversations' });

    await expect(codec.decode(cursor, scope)).rejects.toThrow(BadRequestError);
  });

  it('are refused when signed with another key', async () => {
    const cursor = await new CursorCodec(fixedCursorKeys('o'.repeat(32))).encode(position, scope);

    await expect(codec.decode(cursor, scope)).rejects.toThrow(BadRequestError);
  });

  it.each([[''], ['garbage'], ['a.b.c'], ['.'], ['%%%.***'], ['eyJ1Ijo.']])(
    'are refused when malformed: %j',
    async (cursor) => {
      await expect(codec.decode(cursor, scope)).rejects.toThrow(BadRequestError);
    },
  );

  it('are refused when correctly signed but not shaped like a cursor', async () => {
    const payload = Buffer.from(JSON.stringify({ u: 'user-1', l: 'items', k: { PK: 1 } })).toString(
      'base64url',
    );
    const signature = createHmac('sha256', key).update(payload).digest('base64url');

    await expect(codec.decode(`${payload}.${signature}`, scope)).rejects.toThrow(BadRequestError);
  });

  it('are refused when correctly signed but not JSON', async () => {
    const payload = Buffer.from('{not json').toString('base64url');
    const signature = createHmac('sha256', key).update(payload).digest('base64url');

    await expect(codec.decode(`${payload}.${signature}`, scope)).rejects.toThrow(BadRequestError);
  });

  it('are refused with anything after the signature', async () => {
    const cursor = await codec.encode(position, scope);

    await expect(codec.decode(`${cursor}.more`, scope)).rejects.toThrow(BadRequestError);
  });

  it('are refused with a message that says the cursor does not fit the listing', async () => {
    const cursor = await codec.encode(position, { userId: 'user-2', listing: 'items' });

    await expect(codec.decode(cursor, scope)).rejects.toThrow(
      'The cursor is not valid for this listing.',
    );
  });
});

describe('pagination cursors across a key rotation', () => {
  const oldKey = 'o'.repeat(32);
  const newKey = 'n'.repeat(32);
  const beforeRotation = new CursorCodec(fixedCursorKeys(oldKey));
  const afterRotation = new CursorCodec(fixedCursorKeys(newKey, oldKey));

  it('accept a cursor signed with the previous key', async () => {
    const cursor = await beforeRotation.encode(position, scope);

    await expect(afterRotation.decode(cursor, scope)).resolves.toEqual(position);
  });

  it('are signed with the current key, which the previous key does not verify', async () => {
    const cursor = await afterRotation.encode(position, scope);

    await expect(new CursorCodec(fixedCursorKeys(newKey)).decode(cursor, scope)).resolves.toEqual(
      position,
    );
    await expect(beforeRotation.decode(cursor, scope)).rejects.toThrow(BadRequestError);
  });

  it('refuse a cursor signed with a key two rotations old', async () => {
    const cursor = await beforeRotation.encode(position, scope);
    const twoRotationsLater = new CursorCodec(fixedCursorKeys('t'.repeat(32), newKey));

    await expect(twoRotationsLater.decode(cursor, scope)).rejects.toThrow(BadRequestError);
  });

  it("still refuse another user's cursor signed with the previous key", async () => {
    const cursor = await beforeRotation.encode(position, { userId: 'user-2', listing: 'items' });

    await expect(afterRotation.decode(cursor, scope)).rejects.toThrow(BadRequestError);
  });
});
