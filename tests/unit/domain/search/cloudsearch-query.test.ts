import {
  batchOperationOf,
  documentBatches,
  searchHitOf,
  searchRequestOf,
} from '../../../../layers/domain/src/search/cloudsearch-index';
import { filterQueryOf, quoted } from '../../../../layers/domain/src/search/cloudsearch-query';
import { simpleQueryOf } from '../../../../layers/domain/src/search/search-terms';
import { parseStructuredQuery } from '../../../../sandbox/search/structured-query';

describe('CloudSearch query building', () => {
  it('escapes quotes and backslashes in a quoted value', () => {
    expect(quoted(`it's a \\ test`)).toBe(`'it\\'s a \\\\ test'`);
  });

  it('keeps an injection attempt in a filter value as data, inside the authorization filter', () => {
    const attack = `x') (or matchall) ('`;

    const fq = filterQueryOf({ viewerId: attack, tags: [`t\\' matchall`], ownerId: attack });

    expect(parseStructuredQuery(fq)).toEqual({
      kind: 'and',
      operands: [
        {
          kind: 'or',
          operands: [
            { kind: 'term', field: 'visibility', value: 'public' },
            { kind: 'term', field: 'owner_id', value: attack },
          ],
        },
        { kind: 'term', field: 'tags', value: `t\\' matchall` },
        { kind: 'term', field: 'owner_id', value: attack },
      ],
    });
  });

  it('shows a guest public items only, whatever owner they filter by', () => {
    const fq = filterQueryOf({ viewerId: null, tags: [], ownerId: 'owner' });

    expect(parseStructuredQuery(fq)).toEqual({
      kind: 'and',
      operands: [
        { kind: 'term', field: 'visibility', value: 'public' },
        { kind: 'term', field: 'owner_id', value: 'owner' },
      ],
    });
  });

  it('lets the viewer see their own private items, not those of the owner they filter by', () => {
    const fq = filterQueryOf({ viewerId: 'viewer', tags: [], ownerId: 'owner' });

    expect(parseStructuredQuery(fq)).toEqual({
      kind: 'and',
      operands: [
        {
          kind: 'or',
          operands: [
            { kind: 'term', field: 'visibility', value: 'public' },
            { kind: 'term', field: 'owner_id', value: 'viewer' },
          ],
        },
        { kind: 'term', field: 'owner_id', value: 'owner' },
      ],
    });
  });

  it.each([
    ['free text', 'red bike'],
    ['no text', ''],
  ])('runs a search with %s under the authorization filter', (_, text) => {
    const query = { viewerId: 'viewer', text, tags: ['red'], ownerId: 'owner', size: 5, start: 0 };

    const request = searchRequestOf(query);

    expect(request.filterQuery).toBe(filterQueryOf(query));
  });

  it('reduces free text to plain terms without simple-parser operators', () => {
    expect(simpleQueryOf(`red -bike | "x" (y) z* ~2 \\`)).toBe('red bike x y z 2');
  });

  it('searches every visible item by recency when there is no text', () => {
    const request = searchRequestOf({
      viewerId: 'u',
      text: ' +- ',
      tags: ['a'],
      size: 5,
      start: 10,
    });

    expect(request).toMatchObject({
      query: 'matchall',
      queryParser: 'structured',
      sort: 'updated_at desc',
      size: 5,
      start: 10,
    });
  });

  it('maps delete and upsert changes to the batch format', () => {
    expect(batchOperationOf({ type: 'delete', id: 'a', version: 2 })).toEqual({
      type: 'delete',
      id: 'a',
    });
  });

  it('splits operations into batches under the byte limit, in order', () => {
    const operations = Array.from({ length: 10 }, (_, i) => ({
      type: 'add' as const,
      id: `d${i}`,
      fields: { body: 'x'.repeat(100) },
    }));

    const batches = documentBatches(operations, 400);

    expect(batches.length).toBeGreaterThan(1);
    expect(batches.every((batch) => Buffer.byteLength(batch) <= 400)).toBe(true);
    expect(
      batches.flatMap((batch) => (JSON.parse(batch) as { id: string }[]).map((op) => op.id)),
    ).toEqual(operations.map((op) => op.id));
  });

  it('takes the snippet from the body highlight with a match, else the title', () => {
    const hit = searchHitOf({
      id: 'a',
      fields: { title: ['T'], _score: ['1.5'], tags: ['x', 'y'] },
      highlights: { body: 'no match here', title: '<em>T</em>' },
    });

    expect(hit).toMatchObject({ snippet: '<em>T</em>', score: 1.5, tags: ['x', 'y'] });
  });
});
