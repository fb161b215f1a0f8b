import {
  NotFoundError,
  PreconditionFailedError,
  ValidationError,
} from '@mobile-backend/domain/http';
import { ProfileOperations } from '@mobile-backend/domain/data';
import { StoredMediaReferences } from '@mobile-backend/domain/media';
import type { Caller } from '@mobile-backend/domain/http';
import type { Media } from '@mobile-backend/domain/media';
import { InMemoryProfileStore } from '../support/in-memory-stores';

const caller: Caller = { userId: 'user-1', email: 'ada@example.com', groups: ['providers'] };

// Media ids are ULIDs: one ready media of user-1, one still pending, one of somebody else.
const READY = '01HZZZZZZZZZZZZZZZZZZZZZZ1';
const PENDING = '01HZZZZZZZZZZZZZZZZZZZZZZ2';
const FOREIGN = '01HZZZZZZZZZZZZZZZZZZZZZZ3';
const media = (mediaId: string, ownerId: string, status: Media['status']) =>
  ({ mediaId, ownerId, status }) as Media;
const mediaStore = new Map([
  [READY, media(READY, 'user-1', 'ready')],
  [PENDING, media(PENDING, 'user-1', 'pending')],
  [FOREIGN, media(FOREIGN, 'user-2', 'ready')],
]);

function setup() {
  const store = new InMemoryProfileStore();
  let clock = Date.parse('2025-03-01T10:00:00.000Z');
  const references = new StoredMediaReferences({ get: async (id) => mediaStore.get(id) });
  return {
    store,
    profiles: new ProfileOperations(store, {
      now: () => new Date((clock += 1000)),
      media: references,
    }),
  };
}

describe('the profile', () => {
  it('is created on first read from the token claims', async () => {
    const { profiles, store } = setup();

    const profile = await profiles.getOrCreate(caller);

    expect(profile).toMatchObject({
      userId: 'user-1',
      email: 'ada@example.com',
      role: 'provider',
      displayName: null,
      bio: null,
      avatarMediaId: null,
      version: 1,
    });
    expect(store.records.get('user-1')?.status).toBe('active');
  });

  it('is read back unchanged on later reads', async () => {
    const { profiles } = setup();
    const first = await profiles.getOrCreate(caller);

    await expect(profiles.getOrCreate(caller)).resolves.toEqual(first);
  });

  it('is created before a patch when missing', async () => {
    const { profiles } = setup();

    const profile = await profiles.update(caller, { displayName: 'Ada' });

    expect(profile).toMatchObject({ displayName: 'Ada', role: 'provider', version: 2 });
  });

  it('clears nullable fields with null', async () => {
    const { profiles } = setup();
    await profiles.update(caller, { displayName: 'Ada', bio: 'Hi', avatarMediaId: READY });

    const profile = await profiles.update(caller, { bio: null, avatarMediaId: null });

    expect(profile).toMatchObject({ displayName: 'Ada', bio: null, avatarMediaId: null });
  });

  it.each([
    [{ role: 'admin' }, 'role'],
    [{ role: null }, 'role'],
    [{ displayName: '' }, 'displayName'],
    [{ displayName: 'x'.repeat(101) }, 'displayName'],
    [{ bio: 'x'.repeat(1001) }, 'bio'],
    [{ email: 'new@example.com' }, 'email'],
  ])('refuses the patch %j with 422', async (patch, path) => {
    const { profiles } = setup();

    const error = await profiles.update(caller, patch).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).errors.map((e) => e.path)).toEqual([path]);
  });

  it("takes the caller's own ready media as avatar", async () => {
    const { profiles } = setup();

    const profile = await profiles.update(caller, { avatarMediaId: READY });

    expect(profile.avatarMediaId).toBe(READY);
  });

  it.each([
    ['pending', PENDING],
    ["another user's", FOREIGN],
    ['unknown', '01HZZZZZZZZZZZZZZZZZZZZZZ9'],
    ['malformed', 'm1'],
  ])('refuses a %s media as avatar with 422 on avatarMediaId', async (_kind, mediaId) => {
    const { profiles } = setup();

    const error = await profiles
      .update(caller, { avatarMediaId: mediaId })
      .catch((e: unknown) => e);

    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).errors.map((e) => e.path)).toEqual(['avatarMediaId']);
  });

  it('fails with 412 when If-Match names another version', async () => {
    const { profiles } = setup();
    await profiles.getOrCreate(caller);

    await expect(
      profiles.update(caller, { bio: 'x' }, { kind: 'versions', versions: [5] }),
    ).rejects.toBeInstanceOf(PreconditionFailedError);
  });

  it('is not found once its account is being deleted', async () => {
    const { profiles, store } = setup();
    await profiles.getOrCreate(caller);
    await store.markDeleting('user-1');

    await expect(profiles.getOrCreate(caller)).rejects.toBeInstanceOf(NotFoundError);
  });
});
