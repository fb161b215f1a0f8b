import { ActiveAccounts } from '@mobile-backend/domain/accounts';
import { newProfile } from '@mobile-backend/domain/data';
import { AccountDeletedError } from '@mobile-backend/domain/http';
import { InMemoryProfileStore } from '../support/in-memory-stores';

const now = new Date('2026-11-22T12:00:00Z');

function accountsWith(setUp: (profiles: InMemoryProfileStore) => Promise<void>) {
  const profiles = new InMemoryProfileStore();
  return setUp(profiles).then(() => new ActiveAccounts(profiles));
}

describe('ActiveAccounts', () => {
  it('lets an account that has not created its profile yet through', async () => {
    const accounts = await accountsWith(async () => undefined);

    await expect(accounts.assertActive('user-1')).resolves.toBeUndefined();
  });

  it('lets an account with an active profile through', async () => {
    const accounts = await accountsWith((profiles) =>
      profiles.create(newProfile({ userId: 'user-1', email: null, groups: [] }, now)),
    );

    await expect(accounts.assertActive('user-1')).resolves.toBeUndefined();
  });

  it.each(['deleting', 'deleted'] as const)('refuses an account that is %s', async (state) => {
    const accounts = await accountsWith((profiles) =>
      state === 'deleting' ? profiles.markDeleting('user-1') : profiles.erase('user-1'),
    );

    await expect(accounts.assertActive('user-1')).rejects.toBeInstanceOf(AccountDeletedError);
  });

  it('runs a guarded operation only for an active account', async () => {
    const accounts = await accountsWith((profiles) => profiles.markDeleting('gone'));
    const created: string[] = [];
    const create = accounts.guard(async ({ userId }: { userId: string }) => {
      created.push(userId);
      return userId;
    });

    await expect(create({ userId: 'gone' })).rejects.toBeInstanceOf(AccountDeletedError);
    await expect(create({ userId: 'fresh' })).resolves.toBe('fresh');
    expect(created).toEqual(['fresh']);
  });
});
