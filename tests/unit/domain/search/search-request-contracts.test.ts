import { describe, expect, it } from '@jest/globals';
import {
  documentBatches,
  searchHitOf as cloudSearchHitOf,
  searchRequestOf,
} from '../../../../layers/domain/src/search/cloudsearch-index';
import {
  searchBodyOf,
  searchHitOf as openSearchHitOf,
} from '../../../../layers/domain/src/search/opensearch-query';
import type { SearchQuery } from '../../../../layers/domain/src/search/search-index';

const query: SearchQuery = {
  viewerId: 'viewer',
  text: 'red  bike',
  tags: ['big'],
  ownerId: 'owner',
  size: 10,
  start: 20,
};

describe('the CloudSearch request for a free-text search', () => {
  it('asks the simple parser for every term in title, tags and body, best match first', () => {
    const request = searchRequestOf(query);

    expect(request).toEqual({
      query: 'red bike',
      queryParser: 'simple',
      queryOptions: '{"fields":["title^3","tags^2","body"],"defaultOperator":"and"}',
      sort: '_score desc,updated_at desc',
      filterQuery:
        "(and (or (term field=visibility 'public') (term field=owner_id 'viewer')) (term field=tags 'big') (term field=owner_id 'owner'))",
      return: 'owner_id,title,tags,visibility,updated_at,_score',
      highlight:
        '{"body":{"format":"html","max_phrases":2,"pre_tag":"<em>","post_tag":"</em>"},"title":{"format":"html","max_phrases":1,"pre_tag":"<em>","post_tag":"</em>"}}',
      size: 10,
      start: 20,
    });
  });
});

describe('CloudSearch documents batches', () => {
  const op = (id: string) => ({ type: 'delete' as const, id });

  it('packs operations up to the byte limit, never sending an empty batch', () => {
    // Each operation is 26 bytes of JSON: two fit in 2 + 27 + 27 = 56 bytes.
    const batches = documentBatches([op('a'), op('b'), op('c')], 56);

    expect(batches).toEqual([
      '[{"type":"delete","id":"a"},{"type":"delete","id":"b"}]',
      '[{"type":"delete","id":"c"}]',
    ]);
  });

  it('starts a new batch once one more operation would pass the limit', () => {
    const batches = documentBatches([op('a'), op('b')], 55);

    expect(batches).toEqual(['[{"type":"delete","id":"a"}]', '[{"type":"delete","id":"b"}]']);
  });

  it('sends no batch for no operations', () => {
    expect(documentBatches([])).toEqual([]);
  });

  it('keeps an upsert as an add with its fields', () => {
    const batches = documentBatches([{ type: 'add', id: 'a', fields: { title: 't' } }]);

    expect(batches).toEqual(['[{"type":"add","id":"a","fields":{"title":"t"}}]']);
  });
});

describe('a CloudSearch hit', () => {
  it('has empty fields, no tags and a score of 0 where the hit has none', () => {
    const hit = cloudSearchHitOf({});

    expect(hit).toEqual({
      id: '',
      ownerId: '',
      title: '',
      snippet: '',
      tags: [],
      visibility: '',
      updatedAt: '',
      score: 0,
    });
  });

  it('reads every returned field', () => {
    const hit = cloudSearchHitOf({
      id: 'a',
      fields: {
        owner_id: ['o'],
        title: ['T'],
        tags: ['x'],
        visibility: ['public'],
        updated_at: ['2026-01-01T00:00:00.000Z'],
        _score: ['2'],
      },
      highlights: { body: 'a <em>bike</em>', title: '<em>T</em>' },
    });

    expect(hit).toEqual({
      id: 'a',
      ownerId: 'o',
      title: 'T',
      snippet: 'a <em>bike</em>',
      tags: ['x'],
      visibility: 'public',
      updatedAt: '2026-01-01T00:00:00.000Z',
      score: 2,
    });
  });

  it('takes the start of the body as the snippet when nothing matched', () => {
    const hit = cloudSearchHitOf({ id: 'a', highlights: { body: 'the start', title: 'T' } });

    expect(hit.snippet).toBe('the start');
  });
});

describe('the OpenSearch request for a free-text search', () => {
  it('sorts by score, then recency and id, and asks only for the fields a hit shows', () => {
    const body = searchBodyOf(query);

    expect(body).toMatchObject({
      sort: [
        { _score: { order: 'desc' } },
        { updated_at: { order: 'desc' } },
        { item_id: { order: 'asc' } },
      ],
      _source: ['owner_id', 'title', 'tags', 'visibility', 'updated_at'],
      highlight: {
        pre_tags: ['\uE000'],
        post_tags: ['\uE001'],
        fields: {
          body: { number_of_fragments: 1, fragment_size: 240, no_match_size: 240 },
          title: { number_of_fragments: 0 },
        },
      },
    });
  });
});

describe('an OpenSearch hit', () => {
  it('reads its source, with the matches of its highlight as escaped HTML', () => {
    const hit = openSearchHitOf({
      _id: 'a',
      _score: 1.5,
      _source: {
        owner_id: 'o',
        title: 'T',
        tags: ['x', 'y'],
        visibility: 'public',
        updated_at: '2026-01-01T00:00:00.000Z',
      },
      highlight: { body: ['<b> \uE000bike\uE001'] },
    });

    expect(hit).toEqual({
      id: 'a',
      ownerId: 'o',
      title: 'T',
      snippet: '&lt;b&gt; <em>bike</em>',
      tags: ['x', 'y'],
      visibility: 'public',
      updatedAt: '2026-01-01T00:00:00.000Z',
      score: 1.5,
    });
  });

  it('has empty fields, no tags and a score of 0 where the hit has none', () => {
    const hit = openSearchHitOf({ _source: { title: 7 } });

    expect(hit).toEqual({
      id: '',
      ownerId: '',
      title: '',
      snippet: '',
      tags: [],
      visibility: '',
      updatedAt: '',
      score: 0,
    });
  });

  it('takes the title as the snippet when only the title matched', () => {
    const hit = openSearchHitOf({ highlight: { body: ['start'], title: ['\uE000T\uE001'] } });

    expect(hit.snippet).toBe('<em>T</em>');
  });
});
