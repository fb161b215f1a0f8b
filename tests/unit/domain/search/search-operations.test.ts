import { CursorCodec } from '../../../../layers/domain/src/pagination/cursor';
import { fixedCursorKeys } from '../../../../layers/domain/src/pagination/cursor-keys';
import type { SearchIndex, SearchQuery } from '../../../../layers/domain/src/search/search-index';
import { SearchOperations } from '../../../../layers/domain/src/search/search-operations';
import { parseSearchParameters } from '../../../../layers/domain/src/search/search-parameters';

const cursors = new CursorCodec(fixedCursorKeys('a-signing-key-that-is-long-enough-for-tests'));

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

  it('searches for a guest as a viewer who owns nothing', async () => {
    const queries: SearchQuery[] = [];
    const search = new SearchOperations(indexOf(1, queries), cursors);

    await search.searchPublic('us-east-1:guest', params('q=bike'));

    expect(queries[0]).toMatchObject({ viewerId: null, text: 'bike' });
  });

  it("refuses a guest's cursor to another guest with a 400", async () => {
    const search = new SearchOperations(indexOf(3), cursors);
    const first = await search.searchPublic('us-east-1:one', params('q=bike&limit=2'));

    const other = search.searchPublic('us-east-1:two', {
      ...params('q=bike&limit=2'),
      cursor: first.nextCursor ?? '',
    });

    await expect(other).rejects.toMatchObject({ status: 400 });
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

describe('SearchOperations at the edges of the index', () => {
  /** Pages through a search until the page that starts at or after `start`. */
  async function pageFrom(search: SearchOperations, query: string, start: number) {
    let page = await search.search('u', params(query));
    let pageStart = 0;
    while (pageStart < start && page.nextCursor !== null) {
      pageStart += page.items.length;
      page = await search.search('u', { ...params(query), cursor: page.nextCursor });
    }
    return page;
  }

  it('asks for no more than the 10,000 hits the index can page through', async () => {
    const queries: SearchQuery[] = [];
    const search = new SearchOperations(indexOf(20_000, queries), cursors);

    const last = await pageFrom(search, 'q=bike&limit=30', 9_990);

    expect(queries.at(-1)).toMatchObject({ start: 9_990, size: 10 });
    expect(last.items).toHaveLength(10);
    expect(last.nextCursor).toBeNull();
  });

  it('ends with a null cursor on the page that reaches hit 10,000', async () => {
    const search = new SearchOperations(indexOf(20_000), cursors);

    const last = await pageFrom(search, 'q=bike&limit=100', 9_900);

    expect(last.items.at(-1)?.id).toBe('i9999');
    expect(last.nextCursor).toBeNull();
  });

  it('ends the listing when a page comes back empty, even if the index counts more', async () => {
    const index: SearchIndex = {
      apply: async () => undefined,
      search: async () => ({ found: 5, hits: [] }),
    };
    const search = new SearchOperations(index, cursors);

    const page = await search.search('u', params('q=bike'));

    expect(page).toEqual({ items: [], total: 5, nextCursor: null });
  });

  it('passes the owner filter to the index', async () => {
    const queries: SearchQuery[] = [];
    const search = new SearchOperations(indexOf(1, queries), cursors);

    await search.search('viewer', params('q=bike&owner=alice'));

    expect(queries).toEqual([
      { viewerId: 'viewer', text: 'bike', tags: [], ownerId: 'alice', size: 20, start: 0 },
    ]);
  });

  it('passes no owner to the index when the caller gives none', async () => {
    const queries: SearchQuery[] = [];
    const search = new SearchOperations(indexOf(1, queries), cursors);

    await search.search('viewer', params('q=bike&tags=red'));

    expect(queries.map((query) => Object.keys(query).sort())).toEqual([
      ['size', 'start', 'tags', 'text', 'viewerId'],
    ]);
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
    // Operator characters alone leave no term, which would match every item.
    ['q=***'],
    [`q=${encodeURIComponent('"-" | ()')}`],
  ])('answers 400 for "%s"', (query) => {
    expect(() => params(query)).toThrow(expect.objectContaining({ status: 400 }));
  });

  it('takes operator characters alone as no text when a filter narrows the search', () => {
    expect(params('q=***&tags=red')).toMatchObject({ tags: ['red'] });
  });
});
