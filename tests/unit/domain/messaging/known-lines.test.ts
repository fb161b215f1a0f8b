import { KnownLines } from '../../../../layers/domain/src/messaging/known-lines';

const key = (second: number, messageId: string) => `2026-11-22T12:00:0${second}.000Z#${messageId}`;

describe('KnownLines', () => {
  it('knows nothing of a conversation it never saw', () => {
    expect(new KnownLines().isNewerThan('alice#bob', key(1, 'A'))).toBe(false);
  });

  it('tells a key older than the one a line reached, and not the same or a newer one', () => {
    const lines = new KnownLines();
    lines.reached('alice#bob', key(5, 'M'));

    expect(lines.isNewerThan('alice#bob', key(4, 'Z'))).toBe(true);
    expect(lines.isNewerThan('alice#bob', key(5, 'M'))).toBe(false);
    expect(lines.isNewerThan('alice#bob', key(5, 'N'))).toBe(false);
    expect(lines.isNewerThan('alice#carol', key(4, 'Z'))).toBe(false);
  });

  it('keeps the newest key it was told, since a line never moves back', () => {
    const lines = new KnownLines();
    lines.reached('alice#bob', key(5, 'M'));
    lines.reached('alice#bob', key(3, 'M'));

    expect(lines.isNewerThan('alice#bob', key(4, 'M'))).toBe(true);
  });

  it('compares keys as DynamoDB does, by code point rather than by locale', () => {
    const lines = new KnownLines();
    lines.reached('alice#bob', key(5, 'a'));

    expect(lines.isNewerThan('alice#bob', key(5, 'Z'))).toBe(true);
  });

  it('forgets the conversation seen longest ago beyond its capacity', () => {
    const lines = new KnownLines(2);
    lines.reached('alice#bob', key(5, 'M'));
    lines.reached('alice#carol', key(5, 'M'));
    lines.reached('alice#bob', key(6, 'M'));
    lines.reached('alice#dave', key(5, 'M'));

    expect(lines.isNewerThan('alice#carol', key(1, 'M'))).toBe(false);
    expect(lines.isNewerThan('alice#bob', key(1, 'M'))).toBe(true);
    expect(lines.isNewerThan('alice#dave', key(1, 'M'))).toBe(true);
  });
});
