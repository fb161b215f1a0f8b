import { jest } from '@jest/globals';
import {
  AccountDeletion,
  AccountErasure,
  erasureExecutionName,
  parseAccountErasureRequest,
} from '@mobile-backend/domain/accounts';
import type { ErasureParts } from '@mobile-backend/domain/accounts';
import { logger } from '@mobile-backend/domain/http';
import { InMemoryItemStore, InMemoryProfileStore } from '../support/in-memory-stores';

afterEach(() => jest.restoreAllMocks());

describe('requesting an account deletion', () => {
  it('marks the account as deleting and hands it to the erasure workflow', async () => {
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

describe('the erasure execution name', () => {
  it('is the same for every request of one user, and differs between users', () => {
    const sub = '8f2c1a34-5b6d-4e7f-9a0b-1c2d3e4f5a6b';

    expect(erasureExecutionName(sub)).toBe(`erase-${sub}`);
    expect(erasureExecutionName(sub)).not.toBe(erasureExecutionName('another-user'));
  });

  it('stays a valid execution name for a user id Step Functions would refuse', () => {
    const name = erasureExecutionName('user with spaces/and:colons'.repeat(5));

    expect(name).toMatch(/^[A-Za-z0-9_-]{1,80}$/);
    expect(name).toBe(erasureExecutionName('user with spaces/and:colons'.repeat(5)));
  });
});

describe('erasure steps', () => {
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

  function setup(pageSize = 2) {
    jest.spyOn(logger, 'info').mockImplementation(() => undefined);
    const items = new InMemoryItemStore();
    const profiles = new InMemoryProfileStore();
    const calls: string[] = [];
    const record =
      (name: string) =>
      async (...args: unknown[]) =>
        void calls.push(`${name} ${args.map((a) => JSON.stringify(a)).join(' ')}`);
    const parts: ErasureParts = {
      profiles,
      items,
      media: { erasePageOf: async () => false },
      devices: { removeAll: record('devices') },
      conversations: {
        conversationPeers: async () => ['peer-1'],
        eraseConversationPage: async (_userId, _peerId, page) =>
          page.after === undefined ? { after: 'MSG#2' } : {},
      },
      connections: { disconnectUser: record('connections') },
      identities: { deleteUser: record('identity') },
    };
    return { items, profiles, calls, erasure: new AccountErasure(parts, pageSize) };
  }

  it('tells the state machine whether the owner asked for the erasure', async () => {
    const { profiles, erasure } = setup();
    await profiles.markDeleting('user-1');

    await expect(erasure.run({ action: 'check', userId: 'user-1' })).resolves.toEqual({
      requested: true,
    });
    await expect(erasure.run({ action: 'check', userId: 'user-2' })).resolves.toEqual({
      requested: false,
    });
  });

  it('erases items a page at a time, saying whether more may remain, and nobody else’s', async () => {
    const { items, profiles, erasure } = setup(2);
    for (const id of ['A1', 'A2', 'A3']) await items.create(item(id, 'user-1'));
    await items.create(item('B1', 'user-2'));
    await profiles.markDeleting('user-1');

    const first = await erasure.run({ action: 'items', userId: 'user-1' });
    const second = await erasure.run({ action: 'items', userId: 'user-1' });

    expect([first, second]).toEqual([{ more: true }, { more: false }]);
    expect([...items.items.keys()]).toEqual(['B1']);
  });

  it('refuses every erasing step for an account whose deletion was not requested', async () => {
    const { items, calls, erasure } = setup();
    await items.create(item('A1', 'user-1'));

    await expect(erasure.run({ action: 'items', userId: 'user-1' })).rejects.toMatchObject({
      name: 'ErasureNotRequested',
    });
    await expect(erasure.run({ action: 'identity', userId: 'user-1' })).rejects.toThrow(
      /not being deleted/,
    );
    expect(items.items.size).toBe(1);
    expect(calls).toEqual([]);
  });

  it('pages through a conversation with the cursor the previous page gave', async () => {
    const { profiles, erasure } = setup();
    await profiles.markDeleting('user-1');

    const peers = await erasure.run({ action: 'conversations', userId: 'user-1' });
    const request = { action: 'conversation', userId: 'user-1', peerId: 'peer-1' } as const;
    const first = await erasure.run(request);
    const last = await erasure.run({ ...request, after: 'MSG#2' });

    expect(peers).toEqual({ peerIds: ['peer-1'], more: false });
    expect(first).toEqual({ more: true, after: 'MSG#2' });
    expect(last).toEqual({ more: false });
  });

  it('deletes the identity, then leaves the profile as a tombstone, and may run again', async () => {
    const { profiles, calls, erasure } = setup();
    await profiles.markDeleting('user-1');

    await erasure.run({ action: 'identity', userId: 'user-1' });
    await erasure.run({ action: 'profile', userId: 'user-1' });
    const rerun = await erasure.run({ action: 'profile', userId: 'user-1' });

    expect(calls).toEqual(['identity "user-1"']);
    expect(profiles.records.get('user-1')).toEqual({ status: 'deleted' });
    expect(rerun).toEqual({ done: true });
  });
});

describe('the erasure step event', () => {
  it('carries the step and the user id', () => {
    expect(parseAccountErasureRequest({ action: 'items', userId: 'user-1' })).toEqual({
      action: 'items',
      userId: 'user-1',
    });
  });

  it('is refused with an unknown step or without a user id', () => {
    expect(() => parseAccountErasureRequest({ action: 'everything', userId: 'x' })).toThrow();
    expect(() => parseAccountErasureRequest({ action: 'items' })).toThrow();
  });
});
