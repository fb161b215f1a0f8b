import { createSearchEngine } from '../../../../sandbox/search/search-server';
import {
  DocumentError,
  QuerySyntaxError,
  type EngineSearchRequest,
} from '../../../../sandbox/search/search-engine';

const doc = (id: string, owner: string, visibility: string, title: string) => ({
  type: 'add' as const,
  id,
  fields: {
    owner_id: owner,
    visibility,
    title,
    body: `${title} body`,
    tags: ['t'],
    created_at: '2026-01-01T00:00:00.000Z',
    updated_at: `2026-01-0${id.length}T00:00:00.000Z`,
    version: 1,
  },
});

const request = (overrides: Partial<EngineSearchRequest>): EngineSearchRequest => ({
  q: 'bike',
  parser: 'simple',
  queryOptions: {},
  size: 10,
  start: 0,
  returnFields: ['_score'],
  highlights: {},
  ...overrides,
});

const onlyVisibleTo = (user: string) =>
  `(and (or (term field=visibility 'public') (term field=owner_id '${user}')))`;

describe('local search engine', () => {
  it('filters with fq before paging, so found and pages count visible documents only', () => {
    const engine = createSearchEngine();
    engine.apply([
      doc('a', 'bob', 'private', 'bike one'),
      doc('b', 'bob', 'private', 'bike two'),
      doc('c', 'alice', 'public', 'bike three'),
    ]);

    const result = engine.search(request({ fq: onlyVisibleTo('alice'), size: 1 }));

    expect(result.found).toBe(1);
    expect(result.hits.map((hit) => hit.id)).toEqual(['c']);
  });

  it('replaces a document added again and forgets a deleted one', () => {
    const engine = createSearchEngine();
    engine.apply([doc('a', 'bob', 'public', 'bike'), doc('a', 'bob', 'public', 'car')]);
    engine.apply([doc('b', 'bob', 'public', 'bike'), { type: 'delete', id: 'b' }]);

    expect(engine.size).toBe(1);
    expect(engine.search(request({ q: 'bike' })).found).toBe(0);
    expect(engine.search(request({ q: 'car' })).found).toBe(1);
  });

  it('rejects a whole batch with a field the domain does not define', () => {
    const engine = createSearchEngine();
    const bad = { type: 'add' as const, id: 'x', fields: { colour: 'red' } };

    expect(() => engine.apply([doc('a', 'bob', 'public', 'bike'), bad])).toThrow(DocumentError);
    expect(engine.size).toBe(0);
  });

  it('answers a syntax error for a malformed filter', () => {
    const engine = createSearchEngine();

    expect(() => engine.search(request({ fq: "(and (term field=owner_id 'x')" }))).toThrow(
      QuerySyntaxError,
    );
  });

  it('sorts by a sortable field and highlights matches with escaped HTML', () => {
    const engine = createSearchEngine();
    engine.apply([doc('aa', 'bob', 'public', 'bike <b>'), doc('a', 'bob', 'public', 'bike')]);

    const result = engine.search(
      request({
        sort: 'updated_at desc',
        highlights: { title: { format: 'html', pre_tag: '<em>', post_tag: '</em>' } },
      }),
    );

    expect(result.hits.map((hit) => hit.id)).toEqual(['aa', 'a']);
    expect(result.hits[0]?.highlights?.title).toBe('<em>bike</em> &lt;b&gt;');
  });
});
