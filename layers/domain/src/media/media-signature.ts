import type { MediaType } from './media';

// The type of a file from its first bytes (magic numbers), never from what the
// client claims. 64 bytes are more than any of these signatures needs.
export const SIGNATURE_BYTES = 64;

const ascii = (bytes: Uint8Array, start: number, length: number): string =>
  String.fromCharCode(...bytes.subarray(start, start + length));

const startsWith = (bytes: Uint8Array, signature: readonly number[]): boolean =>
  signature.every((byte, index) => bytes[index] === byte);

const JPEG = [0xff, 0xd8, 0xff];
const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
// ISO base media file brands (the `ftyp` box at offset 4): HEIF stills vs. MP4 video.
const HEIC_BRANDS = new Set(['heic', 'heix', 'mif1']);

export function detectMediaType(bytes: Uint8Array): MediaType | undefined {
  if (startsWith(bytes, JPEG)) return 'image/jpeg';
  if (startsWith(bytes, PNG)) return 'image/png';
  if (bytes.length >= 12 && ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 4) === 'WEBP') {
    return 'image/webp';
  }
  if (bytes.length >= 12 && ascii(bytes, 4, 4) === 'ftyp') {
    return HEIC_BRANDS.has(ascii(bytes, 8, 4)) ? 'image/heic' : 'video/mp4';
  }
  return undefined;
}
