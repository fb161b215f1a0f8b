import { engineRequestOf } from '../../../../sandbox/search/opensearch-query';

describe('local OpenSearch query translation', () => {
  it('turns the bool filter into one filter tree evaluated before paging', () => {
    const request = engineRequestOf({
      query: {
        bool: {
          must: [
            {
              multi_match: {
                query: 'red bike',
                fields: ['title^3', 'tags.text^2'],
                operator: 'and',
              },
            },
          ],
          filter: [
            {
              bool: {
                should: [{ term: { visibility: 'public' } }, { term: { owner_id: 'u' } }],
                minimum_should_match: 1,
              },
            },
            { term: { tags: { value: 'red' } } },
          ],
        },
      },
      sort: [{ _score: { order: 'desc' } }, { updated_at: 'desc' }],
      from: 20,
      size: 10,
    });

    expect(request).toMatchObject({
      q: 'red bike',
      parser: 'simple',
      queryOptions: { fields: ['title^3', 'tags^2'], defaultOperator: 'and' },
      filter: {
        kind: 'and',
        operands: [
          {
            kind: 'or',
            operands: [
              { kind: 'and', operands: [{ kind: 'term', field: 'visibility', value: 'public' }] },
              { kind: 'and', operands: [{ kind: 'term', field: 'owner_id', value: 'u' }] },
            ],
          },
          { kind: 'term', field: 'tags', value: 'red' },
        ],
      },
      sort: '_score desc,updated_at desc',
      start: 20,
      size: 10,
    });
  });

  it.each([
    [{ query: { query_string: { query: '*' } } }, /unknown query \[query_string\]/],
    [{ query: { bool: { should: [{ match_all: {} }] } } }, /minimum_should_match 1/],
    [{ query: { match_all: {} }, search_after: [1] }, /from only/],
    [{ from: 9995, size: 10 }, /Result window is too large/],
  ])(
    'refuses what OpenSearch would refuse or the local endpoint does not do: %j',
    (body, reason) => {
      expect(() => engineRequestOf(body)).toThrow(
        expect.objectContaining({ status: 400, message: expect.stringMatching(reason) }),
      );
    },
  );
});
