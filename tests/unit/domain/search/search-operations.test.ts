import { CursorCodec } from '../../../../layers/domain/src/pagination/cursor';
import type { SearchIndex, SearchQuery } from '../../../../layers/domain/src/search/search-index';
import { SearchOperations } from '../../../../layers/domain/src/search/search-operations';
import { parseSearchParameters } from '../../../../layers/domain/src/search/search-parameters';

const cursors = new CursorCodec('a-signing-key-that-is-long-enough-for-tests');

function indexOf(found: number, queries: SearchQuery[] = []): SearchIndex {
  return {
    apply: async () => undefined,
    search: async (query) => {
      queries.push(query);
      const size = Math.max(0, Math.min(query.size, found - query.start));
      return {
        found,
        hits: Array.from({ length: size }, (_, i) => ({
          id: `i${query.start + i}`,
          ownerId: 'o',
          title: 't',
          snippet: '',
          tags: [],
          visibility: 'public' as const,
          updatedAt: '2026-01-01T00:00:00.000Z',
          score: 1,
        })),
      };
    },
  };
}

const params = (query: string) => parseSearchParameters(new URLSearchParams(query));

describe('SearchOperations', () => {
  it('continues where the previous page ended and ends with a null cursor', async () => {
    const queries: SearchQuery[] = [];
    const search = new SearchOperations(indexOf(3, queries), cursors);

    const first = await search.search('u', params('q=bike&limit=2'));
    const second = await search.search('u', {
      ...params('q=bike&limit=2'),
      cursor: first.nextCursor ?? '',
    });

    expect(first).toMatchObject({ total: 3, items: [{ id: 'i0' }, { id: 'i1' }] });
    expect(second).toMatchObject({ items: [{ id: 'i2' }], nextCursor: null });
    expect(queries[1]).toMatchObject({ viewerId: 'u', start: 2, size: 2 });
  });

  it('refuses a cursor from another search with a 400', async () => {
    const search = new SearchOperations(indexOf(3), cursors);
    const first = await search.search('u', params('q=bike&limit=2'));

    const other = search.search('u', {
      ...params('q=car&limit=2'),
      cursor: first.nextCursor ?? '',
    });

    await expect(other).rejects.toMatchObject({ status: 400 });
  });

  it.each([
    ['other tags', 'q=bike&tags=red&limit=2', 'q=bike&tags=blue&limit=2'],
    ['no tags', 'q=bike&tags=red&limit=2', 'q=bike&limit=2'],
    ['another owner', 'q=bike&owner=alice&limit=2', 'q=bike&owner=bob&limit=2'],
    ['no owner', 'q=bike&owner=alice&limit=2', 'q=bike&limit=2'],
  ])('refuses a cursor from the same text with %s with a 400', async (_, from, to) => {
    const search = new SearchOperations(indexOf(3), cursors);
    const first = await search.search('u', params(from));

    const other = search.search('u', { ...params(to), cursor: first.nextCursor ?? '' });

    await expect(other).rejects.toMatchObject({ status: 400 });
  });

  it("refuses another user's search cursor with a 400", async () => {
    const search = new SearchOperations(indexOf(3), cursors);
    const first = await search.search('alice', params('q=bike&limit=2'));

    const stolen = search.search('bob', {
      ...params('q=bike&limit=2'),
      cursor: first.nextCursor ?? '',
    });

    await expect(stolen).rejects.toMatchObject({ status: 400 });
  });
});

describe('parseSearchParameters', () => {
  it('normalises tags like items do and keeps the owner filter', () => {
    expect(params('tags=Red, red,,BIG&owner=abc')).toEqual({
      text: '',
      tags: ['red', 'big'],
      ownerId: 'abc',
      limit: 20,
    });
  });

  it.each([
    [''],
    ['q=%20%20'],
    ['q=x&limit=0'],
    [`q=${'x'.repeat(513)}`],
    [`tags=${'t'.repeat(41)}`],
  ])('answers 400 for "%s"', (query) => {
    expect(() => params(query)).toThrow(expect.objectContaining({ status: 400 }));
  });
});
