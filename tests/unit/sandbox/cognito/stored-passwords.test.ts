import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { storedPasswordsIn } from '../../../../sandbox/cognito/stored-passwords';

describe('the passwords cognito-local keeps', () => {
  let stateDir: string;
  beforeEach(() => {
    stateDir = mkdtempSync(join(tmpdir(), 'stored-passwords-'));
    mkdirSync(join(stateDir, '.cognito', 'db'), { recursive: true });
    // The shape of cognito-local's data store: users under their cognito-local name.
    writeFileSync(
      join(stateDir, '.cognito', 'db', 'local_Pool1.json'),
      JSON.stringify({
        Options: { Id: 'local_Pool1' },
        Users: { 'user-1': { Username: 'user-1', Password: 'Pw-1!' } },
      }),
    );
  });
  afterEach(() => rmSync(stateDir, { recursive: true, force: true }));

  it("reads a user's password from its pool's file", async () => {
    const password = await storedPasswordsIn(stateDir).passwordOf('local_Pool1', 'user-1');

    expect(password).toBe('Pw-1!');
  });

  it('knows no password for another user, another pool or a pool id that is a path', async () => {
    const passwords = storedPasswordsIn(stateDir);

    const found = await Promise.all([
      passwords.passwordOf('local_Pool1', 'user-2'),
      passwords.passwordOf('local_Pool2', 'user-1'),
      passwords.passwordOf('../db/local_Pool1', 'user-1'),
    ]);

    expect(found).toEqual([undefined, undefined, undefined]);
  });
});
