import { jest } from '@jest/globals';
import {
  CursorCodec,
  fixedCursorKeys,
  NotFoundError,
  ValidationError,
} from '@mobile-backend/domain/http';
import { ItemOperations } from '@mobile-backend/domain/data';
import {
  MediaOperations,
  PresignedDelivery,
  StoredMediaReferences,
  type MediaCache,
  type MediaHolder,
  type MediaHolders,
} from '@mobile-backend/domain/media';
import { InMemoryItemStore } from '../support/in-memory-stores';
import { InMemoryMediaObjects, InMemoryMediaStore } from '../support/in-memory-media';

const MEDIA_ID = '01HZZZZZZZZZZZZZZZZZZZZZZ1';

function setup(holders?: MediaHolders) {
  const store = new InMemoryMediaStore();
  const objects = new InMemoryMediaObjects();
  const invalidated: string[][] = [];
  const cache: MediaCache = { invalidate: async (paths) => void invalidated.push([...paths]) };
  const media = new MediaOperations(
    store,
    objects,
    new PresignedDelivery(objects, 900),
    { maxBytes: 1000, allowedTypes: ['image/jpeg', 'image/png'], uploadUrlSeconds: 3600 },
    { now: () => new Date('2025-03-01T10:00:00.000Z'), newId: () => MEDIA_ID, holders, cache },
  );
  return { store, objects, media, invalidated };
}

describe('requesting an upload', () => {
  it("records a pending media under the owner's key prefix and caps the URL at 15 minutes", async () => {
    const { store, media } = setup();

    const upload = await media.requestUpload('user-1', { contentType: 'image/png', size: 10 });

    expect(store.records.get(MEDIA_ID)).toMatchObject({
      ownerId: 'user-1',
      status: 'pending',
      key: `media/user-1/${MEDIA_ID}`,
    });
    expect(upload.upload.url).toContain('type=image/png&size=10&expires=900');
    expect(upload.upload.headers['If-None-Match']).toBe('*');
    expect(upload.expiresAt).toBe('2025-03-01T10:15:00.000Z');
  });

  it.each([
    [{ contentType: 'image/webp', size: 10 }, 'contentType'],
    [{ contentType: 'image/png', size: 0 }, 'size'],
    [{ contentType: 'image/png', size: 1001 }, 'size'],
    [{ contentType: 'image/png', size: 10, key: 'media/other/x' }, 'key'],
  ])('refuses %j with 422 on %s', async (input, path) => {
    const { media } = setup();

    const error = await media.requestUpload('user-1', input).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).errors.map((e) => e.path)).toEqual([path]);
  });
});

describe('reading and deleting media', () => {
  it('gives a URL only once the media is ready', async () => {
    const { store, media } = setup();
    await media.requestUpload('user-1', { contentType: 'image/png', size: 10 });
    const pending = await media.get('user-1', MEDIA_ID);
    await store.settle(MEDIA_ID, { status: 'ready' }, new Date());

    const ready = await media.get('user-1', MEDIA_ID);

    expect(pending.url).toBeNull();
    expect(ready.url).toContain(`media/user-1/${MEDIA_ID}?get`);
  });

  it('is not found for anybody but the owner, and deletes nothing for them', async () => {
    const { objects, media } = setup();
    await media.requestUpload('user-1', { contentType: 'image/png', size: 10 });
    objects.objects.set(`media/user-1/${MEDIA_ID}`, Buffer.alloc(10));

    await expect(media.get('user-2', MEDIA_ID)).rejects.toBeInstanceOf(NotFoundError);
    await expect(media.remove('user-2', MEDIA_ID)).rejects.toBeInstanceOf(NotFoundError);
    expect(objects.objects.size).toBe(1);
  });

  it('removes the object and the record for the owner, and invalidates its path', async () => {
    const { store, objects, media, invalidated } = setup();
    await media.requestUpload('user-1', { contentType: 'image/png', size: 10 });
    objects.objects.set(`media/user-1/${MEDIA_ID}`, Buffer.alloc(10));

    await media.remove('user-1', MEDIA_ID);

    expect(objects.objects.size).toBe(0);
    expect(store.records.size).toBe(0);
    expect(invalidated).toEqual([[`/media/user-1/${MEDIA_ID}`]]);
  });

  it("invalidates nothing for someone else's media", async () => {
    const { media, invalidated } = setup();
    await media.requestUpload('user-1', { contentType: 'image/png', size: 10 });

    await media.remove('user-2', MEDIA_ID).catch(() => undefined);

    expect(invalidated).toEqual([]);
  });
});

describe('media seen through an item that holds it', () => {
  async function readyMediaOf(owner: string) {
    const fixture = setup();
    await fixture.media.requestUpload(owner, { contentType: 'image/png', size: 10 });
    await fixture.store.settle(MEDIA_ID, { status: 'ready' }, new Date());
    return fixture;
  }
  const holder = (overrides: Partial<MediaHolder> = {}): MediaHolder => ({
    ownerId: 'user-1',
    visibility: 'public',
    mediaIds: [MEDIA_ID],
    ...overrides,
  });

  it('shows another user the ready media of a public item, with its URL', async () => {
    const { media } = await readyMediaOf('user-1');

    const seen = await media.get('user-2', MEDIA_ID, holder());

    expect(seen).toMatchObject({ mediaId: MEDIA_ID, ownerId: 'user-1', status: 'ready' });
    expect(seen.url).toContain(`media/user-1/${MEDIA_ID}?get`);
  });

  it.each([
    ['a private item', holder({ visibility: 'private' })],
    ['an item that does not hold it', holder({ mediaIds: [] })],
    ['an item of another owner that names it', holder({ ownerId: 'user-3' })],
  ])('hides it through %s', async (_case, through) => {
    const { media } = await readyMediaOf('user-1');

    await expect(media.get('user-2', MEDIA_ID, through)).rejects.toBeInstanceOf(NotFoundError);
  });

  it('shows the owner their own media through an item even before it is ready', async () => {
    const { media } = setup();
    await media.requestUpload('user-1', { contentType: 'image/png', size: 10 });

    const seen = await media.get('user-1', MEDIA_ID, holder({ visibility: 'private' }));

    expect(seen).toMatchObject({ mediaId: MEDIA_ID, status: 'pending', url: null });
  });

  it('hides a media id the item lists that names no media', async () => {
    const { media } = setup();

    await expect(media.get('user-2', MEDIA_ID, holder())).rejects.toBeInstanceOf(NotFoundError);
  });

  it('never looks up a media id that cannot be one, even through an item that lists it', async () => {
    const { media, store } = await readyMediaOf('user-1');
    const asked = jest.spyOn(store, 'get');

    const seen = media.get('user-2', '../PROFILE', holder({ mediaIds: ['../PROFILE'] }));

    await expect(seen).rejects.toBeInstanceOf(NotFoundError);
    expect(asked).not.toHaveBeenCalled();
  });

  it('hides media that is not ready yet, even through a public item', async () => {
    const { media } = setup();
    await media.requestUpload('user-1', { contentType: 'image/png', size: 10 });

    await expect(media.get('user-2', MEDIA_ID, holder())).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe('media seen through an item id (GET /v1/media/{id}?item=)', () => {
  const ITEM_ID = '01HZZZZZZZZZZZZZZZZZZZZZZ2';
  const publicItem: MediaHolder = { ownerId: 'user-1', visibility: 'public', mediaIds: [MEDIA_ID] };

  async function readyMediaHeldBy(items: Record<string, MediaHolder>) {
    const lookedUp: string[] = [];
    const fixture = setup({
      get: async (itemId) => {
        lookedUp.push(itemId);
        return items[itemId];
      },
    });
    await fixture.media.requestUpload('user-1', { contentType: 'image/png', size: 10 });
    await fixture.store.settle(MEDIA_ID, { status: 'ready' }, new Date());
    return { ...fixture, lookedUp };
  }

  it('shows another user the ready media of the public item it names', async () => {
    const { media } = await readyMediaHeldBy({ [ITEM_ID]: publicItem });

    const seen = await media.getThroughItem('user-2', MEDIA_ID, ITEM_ID);

    expect(seen).toMatchObject({ mediaId: MEDIA_ID, ownerId: 'user-1', status: 'ready' });
  });

  it('hides it through an item that does not exist', async () => {
    const { media } = await readyMediaHeldBy({});

    await expect(media.getThroughItem('user-2', MEDIA_ID, ITEM_ID)).rejects.toBeInstanceOf(
      NotFoundError,
    );
  });

  it('hides it through a private item of its owner', async () => {
    const { media } = await readyMediaHeldBy({
      [ITEM_ID]: { ...publicItem, visibility: 'private' },
    });

    await expect(media.getThroughItem('user-2', MEDIA_ID, ITEM_ID)).rejects.toBeInstanceOf(
      NotFoundError,
    );
  });

  it('answers an item id that is not a ULID with 404 without looking it up', async () => {
    const { media, lookedUp } = await readyMediaHeldBy({ 'not-an-id': publicItem });

    await expect(media.getThroughItem('user-2', MEDIA_ID, 'not-an-id')).rejects.toBeInstanceOf(
      NotFoundError,
    );
    expect(lookedUp).toEqual([]);
  });

  it('hides it where no item store is wired in', async () => {
    const { media, store } = setup();
    await media.requestUpload('user-1', { contentType: 'image/png', size: 10 });
    await store.settle(MEDIA_ID, { status: 'ready' }, new Date());

    await expect(media.getThroughItem('user-2', MEDIA_ID, ITEM_ID)).rejects.toBeInstanceOf(
      NotFoundError,
    );
  });
});

describe("an item's media", () => {
  let itemStore: InMemoryItemStore;
  beforeEach(() => {
    itemStore = new InMemoryItemStore();
  });

  async function itemsWithMedia(status: 'pending' | 'ready', ownerId = 'user-1') {
    const { store, media } = setup();
    await media.requestUpload(ownerId, { contentType: 'image/png', size: 10 });
    if (status === 'ready') await store.settle(MEDIA_ID, { status }, new Date());
    return new ItemOperations(itemStore, new CursorCodec(fixedCursorKeys('s'.repeat(32))), {
      media: new StoredMediaReferences(store),
    });
  }

  it("accepts the owner's ready media", async () => {
    const items = await itemsWithMedia('ready');

    const item = await items.create('user-1', { title: 'Bike', mediaIds: [MEDIA_ID] });

    expect(item.mediaIds).toEqual([MEDIA_ID]);
  });

  it.each([
    ['pending media', 'pending', 'user-1'],
    ["another user's media", 'ready', 'user-2'],
  ] as const)('refuses %s with 422 on the failing index', async (_name, status, ownerId) => {
    const items = await itemsWithMedia(status, ownerId);

    const error = await items
      .create('user-1', { title: 'Bike', mediaIds: [MEDIA_ID] })
      .catch((e: unknown) => e);

    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).errors.map((e) => e.path)).toEqual(['mediaIds.0']);
  });

  it('keeps media attached before, even once deleted, when the item changes', async () => {
    const items = await itemsWithMedia('ready');
    const item = await items.create('user-1', { title: 'Bike', mediaIds: [MEDIA_ID] });
    const gone = new ItemOperations(itemStore, new CursorCodec(fixedCursorKeys('s'.repeat(32))), {
      media: new StoredMediaReferences({ get: async () => undefined }),
    });

    const updated = await gone.update('user-1', item.id, { title: 'Red bike' });

    expect(updated.mediaIds).toEqual([MEDIA_ID]);
  });
});
