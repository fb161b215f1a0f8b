import { jest } from '@jest/globals';
import {
  AccountDeletion,
  accountErasureSteps,
  AccountEraser,
  parseAccountDeletionRequest,
} from '@mobile-backend/domain/accounts';
import { logger } from '@mobile-backend/domain/http';
import type { ErasureStep, IdentityDirectory } from '@mobile-backend/domain/accounts';
import { InMemoryItemStore, InMemoryProfileStore } from '../support/in-memory-stores';

const silence = () => {
  jest.spyOn(logger, 'info').mockImplementation(() => undefined);
  jest.spyOn(logger, 'warn').mockImplementation(() => undefined);
};

afterEach(() => jest.restoreAllMocks());

describe('requesting an account deletion', () => {
  it('marks the account as deleting and hands it to the eraser', async () => {
    const profiles = new InMemoryProfileStore();
    const requested: string[] = [];
    const deletion = new AccountDeletion(profiles, {
      request: async (id) => void requested.push(id),
    });

    await deletion.request('user-1');

    expect(profiles.records.get('user-1')).toEqual({ status: 'deleting' });
    expect(requested).toEqual(['user-1']);
  });
});

describe('erasing an account', () => {
  function setup() {
    silence();
    const items = new InMemoryItemStore();
    const profiles = new InMemoryProfileStore();
    const deletedUsers: string[] = [];
    const identities: IdentityDirectory = { deleteUser: async (id) => void deletedUsers.push(id) };
    const eraser = new AccountEraser(
      profiles,
      accountErasureSteps({ items, identities, profiles }),
    );
    return { items, profiles, deletedUsers, eraser };
  }

  const item = (id: string, ownerId: string) => ({
    id,
    ownerId,
    title: 't',
    body: '',
    tags: [],
    visibility: 'private' as const,
    data: {},
    mediaIds: [],
    createdAt: '2025-01-01T00:00:00.000Z',
    updatedAt: '2025-01-01T00:00:00.000Z',
    version: 1,
  });

  it("removes the user's items, identity and profile, and nobody else's", async () => {
    const { items, profiles, deletedUsers, eraser } = setup();
    await items.create(item('A1', 'user-1'));
    await items.create(item('A2', 'user-1'));
    await items.create(item('B1', 'user-2'));
    await profiles.markDeleting('user-1');

    const outcome = await eraser.erase('user-1');

    expect(outcome).toBe('erased');
    expect([...items.items.keys()]).toEqual(['B1']);
    expect(deletedUsers).toEqual(['user-1']);
    expect(profiles.records.get('user-1')).toEqual({ status: 'deleted' });
  });

  it('erases nothing for an account whose deletion was not requested', async () => {
    const { items, profiles, deletedUsers, eraser } = setup();
    await profiles.create({
      userId: 'user-1',
      email: null,
      displayName: null,
      role: 'customer',
      bio: null,
      avatarMediaId: null,
      phoneNumber: null,
      smsNotices: false,
      smsWithText: false,
      createdAt: 'x',
      updatedAt: 'x',
      version: 1,
    });
    await items.create(item('A1', 'user-1'));

    const outcome = await eraser.erase('user-1');

    expect(outcome).toBe('not-requested');
    expect(items.items.size).toBe(1);
    expect(deletedUsers).toEqual([]);
  });

  it('can run again after a step failed, finishing the job', async () => {
    silence();
    const profiles = new InMemoryProfileStore();
    await profiles.markDeleting('user-1');
    const done: string[] = [];
    let failures = 1;
    const steps: ErasureStep[] = [
      { name: 'first', erase: async () => void done.push('first') },
      {
        name: 'flaky',
        erase: async () => {
          if (failures-- > 0) throw new Error('throttled');
          done.push('flaky');
        },
      },
      { name: 'profile', erase: (userId) => profiles.erase(userId) },
    ];
    const eraser = new AccountEraser(profiles, steps);

    await expect(eraser.erase('user-1')).rejects.toThrow('throttled');
    await expect(eraser.erase('user-1')).resolves.toBe('erased');

    expect(done).toEqual(['first', 'first', 'flaky']);
  });
});

describe('the account deletion event', () => {
  it('carries the user id', () => {
    expect(parseAccountDeletionRequest({ userId: 'user-1' })).toEqual({ userId: 'user-1' });
  });

  it('is refused without one', () => {
    expect(() => parseAccountDeletionRequest({ user: 'x' })).toThrow();
  });
});
