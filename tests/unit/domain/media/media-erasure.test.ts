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
    idsByOwner: async () => [...records],
    delete: async (id: string) => void records.delete(id),
  };
  const objects = new InMemoryMediaObjects();
  for (const id of ids) objects.objects.set(`media/user-1/${id}`, Buffer.from('x'));
  objects.objects.set('media/user-2/other', Buffer.from('y'));
  return { records, objects, cache: new RecordingCache(), store };
}

describe('erasing the media of an account', () => {
  it("deletes the owner's objects and records and invalidates the owner's whole prefix", async () => {
    const { records, objects, cache, store } = setup(['a', 'b']);

    await new MediaErasure(store, objects, cache).eraseAllOf('user-1');

    expect([...objects.objects.keys()]).toEqual(['media/user-2/other']);
    expect(records.size).toBe(0);
    expect(cache.invalidated).toEqual([['/media/user-1/*']]);
  });

  it('keeps the records when the invalidation fails, so that a retry finds them', async () => {
    const { records, objects, store } = setup(['a']);
    const failing: MediaCache = { invalidate: () => Promise.reject(new Error('throttled')) };

    const erasure = new MediaErasure(store, objects, failing).eraseAllOf('user-1');

    await expect(erasure).rejects.toThrow('throttled');
    expect([...records]).toEqual(['a']);
  });
});
