import { indexFieldDefinitions } from '../../../../scripts/search-index-definitions';

describe('npm run search:setup index fields', () => {
  it('defines one CloudSearch field per search field, with valid names and the right option block', () => {
    const fields = indexFieldDefinitions();

    expect(fields.map((field) => [field.IndexFieldName, field.IndexFieldType])).toEqual([
      ['owner_id', 'literal'],
      ['visibility', 'literal'],
      ['title', 'text'],
      ['body', 'text'],
      ['tags', 'literal-array'],
      ['created_at', 'date'],
      ['updated_at', 'date'],
      ['version', 'int'],
    ]);
  });

  it('makes the filter fields searchable and the highlighted text fields highlightable', () => {
    const byName = Object.fromEntries(
      indexFieldDefinitions().map((field) => [field.IndexFieldName, field]),
    );

    expect(byName.owner_id?.LiteralOptions?.SearchEnabled).toBe(true);
    expect(byName.visibility?.LiteralOptions?.SearchEnabled).toBe(true);
    expect(byName.tags?.LiteralArrayOptions?.SearchEnabled).toBe(true);
    expect(byName.body?.TextOptions?.HighlightEnabled).toBe(true);
    expect(byName.title?.TextOptions?.HighlightEnabled).toBe(true);
    expect(byName.updated_at?.DateOptions?.SortEnabled).toBe(true);
  });
});
