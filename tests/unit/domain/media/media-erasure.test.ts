import { MediaErasure, type MediaCache } from '@mobile-backend/domain/media';
import { InMemoryMediaObjects } from '../support/in-memory-media';

class RecordingCache implements MediaCache {
  readonly invalidated: string[][] = [];
  async invalidate(paths: readonly string[]) {
    this.invalidated.push([...paths]);
  }
}

function setup(ids: string[]) {
  const records = new Set(ids);
  const store = {
    idsByOwner: async (_owner: string, limit: number) => [...records].slice(0, limit),
    delete: async (id: string) => void records.delete(id),
  };
  const objects = new InMemoryMediaObjects();
  for (const id of ids) objects.objects.set(`media/user-1/${id}`, Buffer.from('x'));
  objects.objects.set('media/user-2/other', Buffer.from('y'));
  return { records, objects, cache: new RecordingCache(), store };
}

/** Pages until the step says nothing remains, as the state machine's loop does. */
async function eraseAll(erasure: MediaErasure, ownerId: string, limit: number): Promise<number> {
  let pages = 1;
  while (await erasure.erasePageOf(ownerId, limit)) pages += 1;
  return pages;
}

describe('erasing the media of an account', () => {
  it("deletes the owner's objects and records and invalidates the owner's whole prefix", async () => {
    const { records, objects, cache, store } = setup(['a', 'b']);

    await eraseAll(new MediaErasure(store, objects, cache), 'user-1', 10);

    expect([...objects.objects.keys()]).toEqual(['media/user-2/other']);
    expect(records.size).toBe(0);
    expect(cache.invalidated).toEqual([['/media/user-1/*']]);
  });

  it('invalidates before every page of records, and not while objects remain', async () => {
    const { records, objects, cache, store } = setup(['a', 'b', 'c']);
    const erasure = new MediaErasure(store, objects, cache);

    await eraseAll(erasure, 'user-1', 2);

    expect(records.size).toBe(0);
    expect(cache.invalidated).toEqual([['/media/user-1/*'], ['/media/user-1/*']]);
  });

  it('keeps the records when the invalidation fails, so that a retry finds them', async () => {
    const { records, objects, store } = setup(['a']);
    const failing: MediaCache = { invalidate: () => Promise.reject(new Error('throttled')) };

    const erasure = eraseAll(new MediaErasure(store, objects, failing), 'user-1', 10);

    await expect(erasure).rejects.toThrow('throttled');
    expect([...records]).toEqual(['a']);
  });

  it('invalidates nothing for an account without media', async () => {
    const { cache, store, objects } = setup([]);

    expect(await new MediaErasure(store, objects, cache).erasePageOf('user-1', 10)).toBe(false);
    expect(cache.invalidated).toEqual([]);
  });
});
