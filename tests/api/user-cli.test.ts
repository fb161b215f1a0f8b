import { jest } from '@jest/globals';
import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { dirname } from 'node:path';
import { promisify } from 'node:util';
import { call } from './support/http';

// Each test runs the command line in fresh Node processes (TypeScript loaded by
// tsx), one or more per step: seconds each while the whole suite runs.
jest.setTimeout(30_000);

// `npm run user -- …` against the running sandbox, as a developer types it.
const run = promisify(execFile);
const stateDir = () => dirname(process.env.SANDBOX_OUTPUTS_FILE ?? '');

async function user(...args: string[]): Promise<Record<string, unknown> & unknown[]> {
  const { stdout } = await run(
    process.execPath,
    ['--import', 'tsx', 'sandbox/users-cli.ts', ...args, '--state-dir', stateDir()],
    { env: { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' } },
  );
  return JSON.parse(stdout) as Record<string, unknown> & unknown[];
}

describe('npm run user', () => {
  const email = `dev-${randomUUID()}@example.com`;

  it('adds a confirmed user whose fresh token the API accepts', async () => {
    const added = await user('add', email, '--group', 'providers');

    const tokens = await user('token', email);
    const me = await call('GET', '/v1/me', { token: String(tokens.idToken) });

    expect(added).toMatchObject({ email, groups: ['providers'] });
    expect(me.status).toBe(200);
    expect(me.json).toMatchObject({ userId: added.sub, role: 'provider' });
  });

  it('lists the pool users, the added one among them', async () => {
    const users = await user('list');

    expect(users).toEqual(expect.arrayContaining([expect.objectContaining({ email })]));
  });

  it('removes the user, who can then not get a token', async () => {
    await user('remove', email);

    await expect(user('token', email)).rejects.toThrow(/No password known/);
    await expect(user('list')).resolves.not.toEqual(
      expect.arrayContaining([expect.objectContaining({ email })]),
    );
  });
});
