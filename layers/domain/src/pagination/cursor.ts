import { createHmac, timingSafeEqual } from 'node:crypto';
import * as z from 'zod';
import { BadRequestError } from '../errors';
import type { CursorKeySource } from './cursor-keys';

/** Where a DynamoDB query stopped (its LastEvaluatedKey); every key attribute of ours is a string. */
export type PageKey = Record<string, string>;

/** Whose listing, of what: a cursor only continues the listing it came from. */
export interface CursorScope {
  userId: string;
  listing: string;
}

const CursorPayload = z.strictObject({
  u: z.string(),
  l: z.string(),
  k: z.record(z.string(), z.string()),
});

/**
 * Opaque pagination cursors: base64url(JSON of the page key and its scope),
 * a dot, and an HMAC-SHA256 of that text. Clients can neither forge nor
 * alter one, nor use another user's; every such attempt is a 400. Signed
 * with the current key; one signed with a key the source still lists as
 * verifying (the key before the last rotation) is accepted too.
 */
export class CursorCodec {
  constructor(private readonly keys: CursorKeySource) {}

  async encode(position: PageKey, scope: CursorScope): Promise<string> {
    const { signing } = await this.keys.keys();
    const payload = Buffer.from(
      JSON.stringify({ u: scope.userId, l: scope.listing, k: position }),
    ).toString('base64url');
    return `${payload}.${sign(signing, payload)}`;
  }

  async decode(cursor: string, scope: CursorScope): Promise<PageKey> {
    const [payload, signature, ...rest] = cursor.split('.');
    if (payload === undefined || signature === undefined || rest.length > 0) throw invalidCursor();
    const { verifying } = await this.keys.keys();
    if (!verifying.some((key) => signatureMatches(sign(key, payload), signature))) {
      throw invalidCursor();
    }
    const parsed = CursorPayload.safeParse(parseJson(Buffer.from(payload, 'base64url').toString()));
    if (!parsed.success || parsed.data.u !== scope.userId || parsed.data.l !== scope.listing) {
      throw invalidCursor();
    }
    return parsed.data.k;
  }
}

function sign(key: string, payload: string): string {
  return createHmac('sha256', key).update(payload).digest('base64url');
}

// Compared as text: base64url decoding ignores the last character's spare
// bits, so comparing bytes would accept altered spellings of the signature.
function signatureMatches(expectedText: string, givenText: string): boolean {
  const expected = Buffer.from(expectedText);
  const given = Buffer.from(givenText);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function invalidCursor(): BadRequestError {
  return new BadRequestError('The cursor is not valid for this listing.');
}
