/**
 * The keys cursors are signed with: new cursors with `signing`, and a cursor
 * is accepted when any of `verifying` signed it (the signing key first, then
 * the one rotation replaced, so cursors handed out before a rotation keep
 * working for one more rotation period).
 */
export interface CursorKeys {
  signing: string;
  verifying: readonly string[];
}

/** Where the cursor keys come from; asked on every use, so it may cache and refresh them. */
export interface CursorKeySource {
  keys(): Promise<CursorKeys>;
}

/** HMAC-SHA256 keys shorter than this are too easy to guess. */
export const MIN_CURSOR_KEY_LENGTH = 32;

/** Keys that never change: one signing key and any older ones still accepted. */
export function fixedCursorKeys(signing: string, ...older: string[]): CursorKeySource {
  const keys = { signing, verifying: [signing, ...older] };
  return { keys: async () => keys };
}
