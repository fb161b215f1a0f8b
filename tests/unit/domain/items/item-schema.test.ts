import { applyItemPatch, assertItemFits, parseNewItem } from '@mobile-backend/domain/data';
import { PayloadTooLargeError, ValidationError } from '@mobile-backend/domain/http';
import type { Item, ItemContent } from '@mobile-backend/domain/data';

function validationErrorOf(action: () => unknown): ValidationError {
  try {
    action();
  } catch (error) {
    if (error instanceof ValidationError) return error;
    throw error;
  }
  throw new Error('expected a ValidationError');
}

const content: ItemContent = {
  title: 'Bike',
  body: 'Blue, 3 gears',
  tags: ['bike', 'sale'],
  visibility: 'public',
  data: { price: 120, extras: { bell: true, lights: 2 } },
  mediaIds: ['m1'],
};

describe('a new item', () => {
  it('gets defaults for every optional field', () => {
    const item = parseNewItem({ title: 'Bike' });

    expect(item).toEqual({
      title: 'Bike',
      body: '',
      tags: [],
      visibility: 'private',
      data: {},
      mediaIds: [],
    });
  });

  it('lower-cases and de-duplicates its tags', () => {
    const item = parseNewItem({ title: 'Bike', tags: ['Sale', 'sale', 'BIKE', ' bike '] });

    expect(item.tags).toEqual(['sale', 'bike']);
  });

  it('requires a title', () => {
    const error = validationErrorOf(() => parseNewItem({ body: 'no title' }));

    expect(error.errors).toEqual([{ path: 'title', message: expect.any(String) }]);
  });

  it.each([
    ['an empty title', { title: '' }, 'title'],
    ['a title of 201 characters', { title: 'x'.repeat(201) }, 'title'],
    ['a body of 10,001 characters', { title: 't', body: 'x'.repeat(10_001) }, 'body'],
    ['a tag of 41 characters', { title: 't', tags: ['x'.repeat(41)] }, 'tags.0'],
    ['an empty tag', { title: 't', tags: ['  '] }, 'tags.0'],
    ['an unknown visibility', { title: 't', visibility: 'friends' }, 'visibility'],
    ['data that is an array', { title: 't', data: [1, 2] }, 'data'],
    [
      '11 media ids',
      { title: 't', mediaIds: Array.from({ length: 11 }, (_, i) => `m${i}`) },
      'mediaIds',
    ],
  ])('rejects %s', (_case, input, path) => {
    const error = validationErrorOf(() => parseNewItem(input));

    expect(error.errors.map((e) => e.path)).toContain(path);
  });

  it('accepts exactly 20 distinct tags but not 21', () => {
    const tags = Array.from({ length: 21 }, (_, i) => `tag${i}`);

    expect(parseNewItem({ title: 't', tags: tags.slice(0, 20) }).tags).toHaveLength(20);
    expect(validationErrorOf(() => parseNewItem({ title: 't', tags })).errors[0]?.path).toBe(
      'tags',
    );
  });

  it('counts tags after de-duplication', () => {
    const tags = [...Array.from({ length: 20 }, (_, i) => `tag${i}`), 'TAG0', 'Tag1'];

    expect(parseNewItem({ title: 't', tags }).tags).toHaveLength(20);
  });

  it('reports each unknown field by name', () => {
    const error = validationErrorOf(() => parseNewItem({ title: 't', colour: 'red', size: 3 }));

    expect(error.errors).toEqual([
      { path: 'colour', message: 'Unknown field.' },
      { path: 'size', message: 'Unknown field.' },
    ]);
  });

  it('rejects a body that is not an object', () => {
    const error = validationErrorOf(() => parseNewItem(['title']));

    expect(error.errors[0]?.path).toBe('');
  });
});

describe('a merge patch of an item', () => {
  it('replaces only the fields it names', () => {
    const patched = applyItemPatch(content, { title: 'Red bike', visibility: 'private' });

    expect(patched).toEqual({ ...content, title: 'Red bike', visibility: 'private' });
  });

  it('clears body, tags, data and media ids with null', () => {
    const patched = applyItemPatch(content, {
      body: null,
      tags: null,
      data: null,
      mediaIds: null,
    });

    expect(patched).toEqual({ ...content, body: '', tags: [], data: {}, mediaIds: [] });
  });

  it('merges data recursively, removing members set to null', () => {
    const patched = applyItemPatch(content, {
      data: { price: null, extras: { lights: null, basket: 'wicker' } },
    });

    expect(patched.data).toEqual({ extras: { bell: true, basket: 'wicker' } });
  });

  it('refuses to clear the title', () => {
    const error = validationErrorOf(() => applyItemPatch(content, { title: null }));

    expect(error.errors.map((e) => e.path)).toEqual(['title']);
  });

  it('normalises patched tags', () => {
    expect(applyItemPatch(content, { tags: ['A', 'a'] }).tags).toEqual(['a']);
  });

  it('rejects unknown fields', () => {
    const error = validationErrorOf(() => applyItemPatch(content, { id: 'other' }));

    expect(error.errors).toEqual([{ path: 'id', message: 'Unknown field.' }]);
  });
});

describe('the item size limit', () => {
  const item = (data: Item['data']): Item => ({
    id: '01J0000000000000000000000A',
    ownerId: 'user-1',
    ...content,
    data,
    createdAt: '2025-01-01T00:00:00.000Z',
    updatedAt: '2025-01-01T00:00:00.000Z',
    version: 1,
  });

  it('accepts an item of exactly 64 KiB serialized', () => {
    const base = Buffer.byteLength(JSON.stringify(item({ x: '' })));
    const exact = item({ x: 'a'.repeat(64 * 1024 - base) });

    expect(Buffer.byteLength(JSON.stringify(exact))).toBe(64 * 1024);
    expect(() => assertItemFits(exact)).not.toThrow();
  });

  it('rejects an item one byte larger with 413', () => {
    const base = Buffer.byteLength(JSON.stringify(item({ x: '' })));

    expect(() => assertItemFits(item({ x: 'a'.repeat(64 * 1024 - base + 1) }))).toThrow(
      PayloadTooLargeError,
    );
  });
});
