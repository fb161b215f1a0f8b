import { detectMediaType } from '@mobile-backend/domain/media';

const bytes = (...parts: (number[] | string)[]): Uint8Array =>
  Buffer.concat(
    parts.map((part) =>
      typeof part === 'string' ? Buffer.from(part, 'latin1') : Buffer.from(part),
    ),
  );

describe('the type of a file from its first bytes', () => {
  it.each([
    ['image/jpeg', bytes([0xff, 0xd8, 0xff, 0xe0], 'JFIF')],
    ['image/png', bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'IHDR')],
    ['image/webp', bytes('RIFF', [0x24, 0, 0, 0], 'WEBPVP8 ')],
    ['image/heic', bytes([0, 0, 0, 0x18], 'ftypheic', [0, 0, 0, 0])],
    ['image/heic', bytes([0, 0, 0, 0x18], 'ftypmif1', [0, 0, 0, 0])],
    ['video/mp4', bytes([0, 0, 0, 0x20], 'ftypisom', [0, 0, 2, 0])],
  ])('recognises %s', (type, head) => {
    expect(detectMediaType(head)).toBe(type);
  });

  it.each([
    ['a PDF', bytes('%PDF-1.7')],
    ['a RIFF that is not WEBP', bytes('RIFF', [0, 0, 0, 0], 'WAVEfmt ')],
    ['an empty file', bytes()],
  ])('recognises nothing in %s', (_name, head) => {
    expect(detectMediaType(head)).toBeUndefined();
  });
});
