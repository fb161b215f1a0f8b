import { jest } from '@jest/globals';
import { logger } from '@mobile-backend/domain/http';
import { MediaProcessor } from '@mobile-backend/domain/media';
import type { Media } from '@mobile-backend/domain/media';
import { InMemoryMediaObjects, InMemoryMediaStore } from '../support/in-memory-media';

const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46, 0, 1]);
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]);
const MEDIA_ID = '01HZZZZZZZZZZZZZZZZZZZZZZ1';
const KEY = `media/user-1/${MEDIA_ID}`;

function setup(declared: Partial<Media> = {}) {
  jest.spyOn(logger, 'info').mockImplementation(() => undefined);
  jest.spyOn(logger, 'warn').mockImplementation(() => undefined);
  const store = new InMemoryMediaStore();
  const objects = new InMemoryMediaObjects();
  const media: Media = {
    mediaId: MEDIA_ID,
    ownerId: 'user-1',
    status: 'pending',
    contentType: 'image/jpeg',
    size: JPEG.length,
    fileName: null,
    key: KEY,
    createdAt: '2025-03-01T10:00:00.000Z',
    updatedAt: '2025-03-01T10:00:00.000Z',
    ...declared,
  };
  void store.create(media);
  const processor = new MediaProcessor(
    store,
    objects,
    'bucket',
    () => new Date('2025-03-01T10:00:05.000Z'),
  );
  return { store, objects, processor };
}

afterEach(() => jest.restoreAllMocks());

describe('processing an uploaded object', () => {
  it('marks the media ready when size and type match the declaration', async () => {
    const { store, objects, processor } = setup();
    objects.objects.set(KEY, JPEG);

    const outcome = await processor.process('bucket', KEY);

    expect(outcome).toBe('ready');
    expect(store.records.get(MEDIA_ID)?.status).toBe('ready');
    expect(objects.objects.has(KEY)).toBe(true);
  });

  it('rejects and deletes a PNG declared as a JPEG', async () => {
    const { store, objects, processor } = setup();
    objects.objects.set(KEY, PNG);

    const outcome = await processor.process('bucket', KEY);

    expect(outcome).toBe('rejected');
    expect(store.records.get(MEDIA_ID)).toMatchObject({ status: 'rejected' });
    expect(objects.objects.has(KEY)).toBe(false);
  });

  it('rejects and deletes an object of another size than declared', async () => {
    const { store, objects, processor } = setup({ size: JPEG.length - 1 });
    objects.objects.set(KEY, JPEG);

    const outcome = await processor.process('bucket', KEY);

    expect(outcome).toBe('rejected');
    expect(store.records.get(MEDIA_ID)?.rejectionReason).toContain('declared');
    expect(objects.objects.has(KEY)).toBe(false);
  });

  it('changes nothing on a duplicate event', async () => {
    const { store, objects, processor } = setup();
    objects.objects.set(KEY, JPEG);
    await processor.process('bucket', KEY);
    const settled = structuredClone(store.records.get(MEDIA_ID));

    const outcome = await processor.process('bucket', KEY);

    expect(outcome).toBe('unchanged');
    expect(store.records.get(MEDIA_ID)).toEqual(settled);
  });

  it('finishes deleting a rejected object when the event comes again', async () => {
    const { objects, processor } = setup({ status: 'rejected' });
    objects.objects.set(KEY, PNG);

    const outcome = await processor.process('bucket', KEY);

    expect(outcome).toBe('unchanged');
    expect(objects.objects.has(KEY)).toBe(false);
  });

  it('deletes an object that no media owns', async () => {
    const { objects, processor } = setup();
    const stray = 'media/user-2/01HZZZZZZZZZZZZZZZZZZZZZZ9';
    objects.objects.set(stray, JPEG);

    const outcome = await processor.process('bucket', stray);

    expect(outcome).toBe('orphan');
    expect(objects.objects.has(stray)).toBe(false);
  });

  it.each([
    ['in another bucket', 'other-bucket', KEY],
    ['outside the media prefix', 'bucket', 'uploads/user-1/report.pdf'],
    ['with a key of another shape', 'bucket', `media/user-1/${MEDIA_ID}/extra`],
  ])('ignores an event for an object %s and deletes nothing', async (_name, bucket, key) => {
    const { objects, store, processor } = setup();
    objects.objects.set(key, JPEG);

    const outcome = await processor.process(bucket, key);

    expect(outcome).toBe('ignored');
    expect(objects.objects.has(key)).toBe(true);
    expect(store.records.get(MEDIA_ID)?.status).toBe('pending');
  });

  it('leaves a media pending when its object is already gone', async () => {
    const { store, processor } = setup();

    const outcome = await processor.process('bucket', KEY);

    expect(outcome).toBe('gone');
    expect(store.records.get(MEDIA_ID)?.status).toBe('pending');
  });
});
