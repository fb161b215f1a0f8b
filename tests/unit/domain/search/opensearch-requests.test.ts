import {
  assertBulkApplied,
  bulkBodiesOf,
} from '../../../../layers/domain/src/search/opensearch-bulk';
import {
  mappingVersionOf,
  versionedIndexName,
} from '../../../../layers/domain/src/search/opensearch-mappings';
import { searchBodyOf, snippetOf } from '../../../../layers/domain/src/search/opensearch-query';
import {
  searchApiConfig,
  searchIndexerConfig,
} from '../../../../layers/domain/src/search/search-config';
import type { IndexChange } from '../../../../layers/domain/src/search/search-index';

const upsert = (id: string, version: number): IndexChange => ({
  type: 'upsert',
  document: {
    id,
    fields: {
      owner_id: 'o',
      visibility: 'public',
      title: 't',
      body: 'b',
      tags: [],
      created_at: '2026-01-01T00:00:00.000Z',
      updated_at: '2026-01-01T00:00:00.000Z',
      version,
    },
  },
});

describe('OpenSearch search requests', () => {
  it('keeps an injection attempt as term values inside the authorization filter', () => {
    const attack = `x" } }, { "match_all": {} }`;

    const body = searchBodyOf({ viewerId: attack, text: '', tags: [attack], size: 5, start: 10 });

    expect(body.query).toEqual({
      bool: {
        must: [{ match_all: {} }],
        filter: [
          {
            bool: {
              should: [{ term: { visibility: 'public' } }, { term: { owner_id: attack } }],
              minimum_should_match: 1,
            },
          },
          { term: { tags: attack } },
        ],
      },
    });
    expect(body).toMatchObject({ from: 10, size: 5, track_total_hits: true });
  });

  it('shows a guest public items only', () => {
    const body = searchBodyOf({ viewerId: null, text: '', tags: [], size: 5, start: 0 });

    expect(body.query).toEqual({
      bool: {
        must: [{ match_all: {} }],
        filter: [
          { bool: { should: [{ term: { visibility: 'public' } }], minimum_should_match: 1 } },
        ],
      },
    });
  });

  it('lets the viewer see their own private items, not those of the owner they filter by', () => {
    const body = searchBodyOf({
      viewerId: 'viewer',
      text: 'bike',
      tags: [],
      ownerId: 'owner',
      size: 5,
      start: 0,
    });

    expect(body.query?.bool?.filter).toEqual([
      {
        bool: {
          should: [{ term: { visibility: 'public' } }, { term: { owner_id: 'viewer' } }],
          minimum_should_match: 1,
        },
      },
      { term: { owner_id: 'owner' } },
    ]);
  });

  it('requires every term of q somewhere in title, tags or body, best match first', () => {
    const body = searchBodyOf({ viewerId: 'v', text: '"red" -bike*', tags: [], size: 5, start: 0 });

    expect(body.query?.bool?.must).toEqual([
      {
        multi_match: {
          query: 'red bike',
          fields: ['title^3', 'tags.text^2', 'body'],
          type: 'cross_fields',
          operator: 'and',
        },
      },
    ]);
    expect(body.sort).toEqual([
      { _score: { order: 'desc' } },
      { updated_at: { order: 'desc' } },
      { item_id: { order: 'asc' } },
    ]);
  });

  it('escapes the item text of a snippet and marks only the matches', () => {
    const snippet = snippetOf({ body: ['<b>red</b> & \uE000bike\uE001 "x"'] });

    expect(snippet).toBe('&lt;b&gt;red&lt;/b&gt; &amp; <em>bike</em> &quot;x&quot;');
  });

  it("falls back to the title's match, then to the start of the body", () => {
    expect(snippetOf({ body: ['plain'], title: ['a \uE000hit\uE001'] })).toBe('a <em>hit</em>');
    expect(snippetOf({ body: ['plain <i>'] })).toBe('plain &lt;i&gt;');
    expect(snippetOf(undefined)).toBe('');
  });
});

describe('OpenSearch bulk writes', () => {
  it('writes each change to every index with the item version as an external version', () => {
    const [body] = bulkBodiesOf(
      [upsert('a', 3), { type: 'delete', id: 'b', version: 4 }],
      ['items-v1', 'items-v2'],
    );

    expect(body).toEqual([
      { index: { _index: 'items-v1', _id: 'a', version: 3, version_type: 'external' } },
      expect.objectContaining({ item_id: 'a', version: 3 }),
      { index: { _index: 'items-v2', _id: 'a', version: 3, version_type: 'external' } },
      expect.objectContaining({ item_id: 'a', version: 3 }),
      // One above the removed item's version, so it wins over that version's document.
      { delete: { _index: 'items-v1', _id: 'b', version: 5, version_type: 'external' } },
      { delete: { _index: 'items-v2', _id: 'b', version: 5, version_type: 'external' } },
    ]);
  });

  it('splits bodies by size without splitting an operation from its document', () => {
    const bodies = bulkBodiesOf([upsert('a', 1), upsert('b', 1), upsert('c', 1)], ['i'], 400);

    expect(bodies.map((body) => body.length)).toEqual([2, 2, 2]);
  });

  it('counts version conflicts and deletes of missing documents as applied', () => {
    const reply = {
      errors: true,
      took: 1,
      items: [
        { index: { _index: 'i', _id: 'a', status: 409 } },
        { delete: { _index: 'i', _id: 'b', status: 404 } },
      ],
    };

    expect(() => assertBulkApplied(reply)).not.toThrow();
  });

  it('fails the batch on any other refusal', () => {
    const reply = {
      errors: true,
      took: 1,
      items: [
        { index: { _index: 'i', _id: 'a', status: 201 } },
        {
          index: {
            _index: 'i',
            _id: 'b',
            status: 429,
            error: { type: 'es_rejected_execution_exception' },
          },
        },
      ],
    };

    expect(() => assertBulkApplied(reply)).toThrow(/1 of 2 .*es_rejected_execution_exception/);
  });
});

describe('index names and configuration', () => {
  it('names versioned indices after the alias and reads their version back', () => {
    expect(versionedIndexName('items', 7)).toBe('items-v7');
    expect(mappingVersionOf('items', 'items-v7')).toBe(7);
    expect(mappingVersionOf('items', 'other-v7')).toBeUndefined();
  });

  it("requires only the chosen engine's variables", () => {
    const openSearch = searchIndexerConfig({
      SEARCH_ENGINE: 'opensearch',
      OPENSEARCH_ENDPOINT: 'https://search.example',
      OPENSEARCH_INDEX: 'items',
      AWS_REGION: 'eu-west-1',
      SEARCH_DOCUMENT_ENDPOINT: '',
    });
    const cloudSearch = searchIndexerConfig({
      SEARCH_ENGINE: 'cloudsearch',
      SEARCH_DOCUMENT_ENDPOINT: 'doc.example',
      OPENSEARCH_ENDPOINT: '',
    });

    expect(openSearch.engine).toEqual({
      engine: 'opensearch',
      endpoint: 'https://search.example',
      index: 'items',
      region: 'eu-west-1',
    });
    expect(cloudSearch.engine).toEqual({ engine: 'cloudsearch', endpoint: 'doc.example' });
  });

  it('refuses an OpenSearch configuration without its endpoint, and an unknown engine', () => {
    const key = { CURSOR_SIGNING_SECRET_ARN: 'cursor-signing' };

    expect(() =>
      searchApiConfig({
        ...key,
        SEARCH_ENGINE: 'opensearch',
        OPENSEARCH_ENDPOINT: '',
        OPENSEARCH_INDEX: 'items',
        AWS_REGION: 'r',
      }),
    ).toThrow(/OPENSEARCH_ENDPOINT/);
    expect(() => searchApiConfig({ ...key, SEARCH_ENGINE: 'solr' })).toThrow(/SEARCH_ENGINE/);
  });
});
