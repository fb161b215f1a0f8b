import { ActiveAccounts, RecentlyActiveAccounts } from '@mobile-backend/domain/accounts';
import { newProfile } from '@mobile-backend/domain/data';
import { AccountDeletedError } from '@mobile-backend/domain/http';
import { InMemoryProfileStore } from '../support/in-memory-stores';

const created = new Date('2026-12-01T12:00:00Z');

/** A gate over in-memory profiles that counts the profile reads, on a clock the test moves. */
async function gateOver(userIds: string[], options: { maxAccounts?: number } = {}) {
  const profiles = new InMemoryProfileStore();
  for (const userId of userIds) {
    await profiles.create(newProfile({ userId, email: null, groups: [] }, created));
  }
  const reads: string[] = [];
  const get = profiles.get.bind(profiles);
  profiles.get = (userId) => {
    reads.push(userId);
    return get(userId);
  };
  const clock = { now: 0 };
  const gate = new RecentlyActiveAccounts(new ActiveAccounts(profiles), {
    rememberForMs: 1000,
    now: () => clock.now,
    ...options,
  });
  return { gate, profiles, reads, clock };
}

describe('RecentlyActiveAccounts', () => {
  it('reads the profile of an account found active once while it remembers it', async () => {
    const { gate, reads, clock } = await gateOver(['user-1']);

    await gate.assertActive('user-1');
    clock.now = 999;
    await gate.assertActive('user-1');

    expect(reads).toEqual(['user-1']);
  });

  it('refuses an account marked for deletion once its memory of it has ended', async () => {
    const { gate, profiles, reads, clock } = await gateOver(['user-1']);
    await gate.assertActive('user-1');

    await profiles.markDeleting('user-1');
    clock.now = 1000;

    await expect(gate.assertActive('user-1')).rejects.toBeInstanceOf(AccountDeletedError);
    expect(reads).toEqual(['user-1', 'user-1']);
  });

  it('counts its memory from before the read, so a slow answer is not remembered longer', async () => {
    const { gate, profiles, clock } = await gateOver(['user-1']);
    const get = profiles.get.bind(profiles);
    profiles.get = async (userId) => {
      clock.now += 400;
      return get(userId);
    };
    await gate.assertActive('user-1');

    await profiles.markDeleting('user-1');
    clock.now = 1000;

    await expect(gate.assertActive('user-1')).rejects.toBeInstanceOf(AccountDeletedError);
  });

  it('refuses a forgotten account at once', async () => {
    const { gate, profiles } = await gateOver(['user-1']);
    await gate.assertActive('user-1');

    await profiles.markDeleting('user-1');
    gate.forget('user-1');

    await expect(gate.assertActive('user-1')).rejects.toBeInstanceOf(AccountDeletedError);
  });

  it('remembers no refusal: every request of a deleted account reads its profile', async () => {
    const { gate, profiles, reads } = await gateOver([]);
    await profiles.markDeleting('gone');

    await expect(gate.assertActive('gone')).rejects.toBeInstanceOf(AccountDeletedError);
    await expect(gate.assertActive('gone')).rejects.toBeInstanceOf(AccountDeletedError);

    expect(reads).toEqual(['gone', 'gone']);
  });

  it('forgets the account it has remembered longest when it is full', async () => {
    const { gate, reads } = await gateOver(['a', 'b', 'c'], { maxAccounts: 2 });
    for (const userId of ['a', 'b', 'c']) await gate.assertActive(userId);
    reads.length = 0;

    for (const userId of ['c', 'b', 'a']) await gate.assertActive(userId);

    expect(reads).toEqual(['a']);
  });
});
