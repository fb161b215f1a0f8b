import { createHash } from 'node:crypto';
import { isS256Challenge, verifierMatches } from '../../../../sandbox/hosted-sign-in/pkce';

const challengeOf = (verifier: string) => createHash('sha256').update(verifier).digest('base64url');

describe('PKCE S256 verification', () => {
  it('accepts the verifier the challenge was made from', () => {
    const verifier = 'a'.repeat(43);

    expect(verifierMatches(verifier, challengeOf(verifier))).toBe(true);
  });

  it('refuses another verifier', () => {
    expect(verifierMatches('b'.repeat(43), challengeOf('a'.repeat(43)))).toBe(false);
  });

  it.each([
    ['shorter than 43 characters', 'a'.repeat(42)],
    ['longer than 128 characters', 'a'.repeat(129)],
    ['with a character outside the unreserved set', `${'a'.repeat(42)}+`],
  ])('refuses a verifier %s even when it hashes to the challenge', (_case, verifier) => {
    expect(verifierMatches(verifier, challengeOf(verifier))).toBe(false);
  });

  it('takes only a 43-character base64url challenge', () => {
    expect([
      isS256Challenge(challengeOf('x')),
      isS256Challenge('plain-verifier-as-challenge'),
      isS256Challenge(`${challengeOf('x')}=`),
    ]).toEqual([true, false, false]);
  });
});
