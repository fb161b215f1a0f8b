import { call, eventually } from './support/http';
import { newUser, trySignIn } from './support/users';

describe('GET /v1/me', () => {
  it('creates the profile from the token on the first call', async () => {
    const user = await newUser();

    const reply = await call('GET', '/v1/me', { token: user.idToken });

    expect(reply.status).toBe(200);
    expect(reply.json).toMatchObject({
      userId: user.sub,
      email: user.email,
      role: 'customer',
      version: 1,
    });
    expect(reply.headers.get('etag')).toBe('"1"');
    expect(Date.parse(String(reply.json.createdAt))).not.toBeNaN();
  });

  it('gives members of the providers group the provider role', async () => {
    const user = await newUser({ groups: ['providers'] });

    const reply = await call('GET', '/v1/me', { token: user.idToken });

    expect(reply.json.role).toBe('provider');
  });

  it('returns the same profile on later calls', async () => {
    const user = await newUser();
    const first = await call('GET', '/v1/me', { token: user.idToken });

    const second = await call('GET', '/v1/me', { token: user.idToken });

    expect(second.json).toEqual(first.json);
  });
});

describe('PATCH /v1/me', () => {
  it('merges the patch and bumps the version', async () => {
    const user = await newUser();
    await call('GET', '/v1/me', { token: user.idToken });

    const reply = await call('PATCH', '/v1/me', {
      token: user.idToken,
      body: { displayName: 'Dana', bio: 'Dog groomer', role: 'provider' },
    });

    expect(reply.status).toBe(200);
    expect(reply.json).toMatchObject({
      displayName: 'Dana',
      bio: 'Dog groomer',
      role: 'provider',
      version: 2,
    });
    expect(reply.headers.get('etag')).toBe('"2"');
  });

  it('removes a field patched with null', async () => {
    const user = await newUser();
    await call('PATCH', '/v1/me', { token: user.idToken, body: { bio: 'Temporary' } });

    const reply = await call('PATCH', '/v1/me', { token: user.idToken, body: { bio: null } });

    expect(reply.status).toBe(200);
    expect(reply.json.bio ?? null).toBeNull();
  });

  it('answers 412 when If-Match names another version', async () => {
    const user = await newUser();
    await call('GET', '/v1/me', { token: user.idToken });

    const reply = await call('PATCH', '/v1/me', {
      token: user.idToken,
      body: { displayName: 'Late' },
      headers: { 'If-Match': '"7"' },
    });

    expect(reply.status).toBe(412);
    expect(reply.headers.get('content-type')).toContain('application/problem+json');
  });

  it('applies the patch when If-Match names the current version', async () => {
    const user = await newUser();
    const current = await call('GET', '/v1/me', { token: user.idToken });

    const reply = await call('PATCH', '/v1/me', {
      token: user.idToken,
      body: { displayName: 'On time' },
      headers: { 'If-Match': String(current.headers.get('etag')) },
    });

    expect(reply.status).toBe(200);
  });

  it('answers 422 with the failing field for an unknown role', async () => {
    const user = await newUser();

    const reply = await call('PATCH', '/v1/me', { token: user.idToken, body: { role: 'admin' } });

    expect(reply.status).toBe(422);
    expect(reply.json.errors).toEqual(
      expect.arrayContaining([expect.objectContaining({ path: 'role' })]),
    );
  });

  it('answers 400 to malformed JSON', async () => {
    const user = await newUser();

    const reply = await call('PATCH', '/v1/me', {
      token: user.idToken,
      rawBody: '{"displayName": ',
      headers: { 'Content-Type': 'application/json' },
    });

    expect(reply.status).toBe(400);
    expect(reply.json.status).toBe(400);
  });

  it('answers 415 to a body that is not JSON', async () => {
    const user = await newUser();

    const reply = await call('PATCH', '/v1/me', {
      token: user.idToken,
      rawBody: 'displayName=Dana',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    });

    expect(reply.status).toBe(415);
  });
});

describe('methods /v1/me does not support', () => {
  it('answers 405 to PUT', async () => {
    const user = await newUser();

    const reply = await call('PUT', '/v1/me', { token: user.idToken, body: { displayName: 'x' } });

    expect(reply.status).toBe(405);
    expect(reply.headers.get('content-type')).toContain('application/problem+json');
  });
});

describe('DELETE /v1/me', () => {
  it('accepts the deletion and erases the account, its items and its sign-in', async () => {
    const user = await newUser();
    const other = await newUser();
    const item = await call('POST', '/v1/items', {
      token: user.idToken,
      body: { title: 'Soon gone', visibility: 'public' },
    });

    const reply = await call('DELETE', '/v1/me', { token: user.idToken });

    expect(reply.status).toBe(202);
    expect(reply.json).toEqual({ status: 'deleting' });
    const seenByOther = await eventually(
      () => call('GET', `/v1/items/${String(item.json.id)}`, { token: other.idToken }),
      (r) => r.status === 404,
    );
    expect(seenByOther.status).toBe(404);
    const canSignIn = await eventually(
      () => trySignIn(user),
      (ok) => !ok,
    );
    expect(canSignIn).toBe(false);
  });

  it('refuses a token issued before the account was erased, for writes and reads alike', async () => {
    const user = await newUser();
    await call('GET', '/v1/me', { token: user.idToken });
    await call('DELETE', '/v1/me', { token: user.idToken });
    await eventually(
      () => trySignIn(user),
      (ok) => !ok,
    );

    const reply = await call('POST', '/v1/items', {
      token: user.idToken,
      body: { title: 'After deletion' },
    });

    expect(reply.status).toBe(403);
    expect(reply.json.type).toBe('https://mobile-backend.dev/problems/account-deleted');
    const list = await call('GET', '/v1/items', { token: user.idToken });
    expect(list.status).toBe(403);
  });
});
