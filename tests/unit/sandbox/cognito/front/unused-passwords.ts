import type { StoredPasswords } from '../../../../../sandbox/cognito/stored-passwords';

/** For front steps that never read a password: a read fails the test. */
export const unusedPasswords: StoredPasswords = {
  passwordOf: () => Promise.reject(new Error('this step reads no password')),
};
