// Item and media ids are ULIDs: anything else cannot name one, so a request
// that gives something else is simply not found (never a store error).
const ULID = /^[0-9A-HJKMNP-TV-Z]{26}$/;

export function isUlid(value: string): boolean {
  return ULID.test(value);
}
