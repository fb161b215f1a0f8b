// The CloudSearch index field definitions for `npm run search:setup`, from
// the same field list the indexer writes and the sandbox's endpoint accepts.
import type { IndexField } from '@aws-sdk/client-cloudsearch';
import {
  SEARCH_INDEX_FIELDS,
  type SearchIndexField,
} from '../layers/domain/src/search/search-index-fields';

export function indexFieldDefinition(field: SearchIndexField): IndexField {
  const name = field.name;
  switch (field.type) {
    case 'text':
      return {
        IndexFieldName: name,
        IndexFieldType: 'text',
        TextOptions: {
          ReturnEnabled: field.return ?? false,
          SortEnabled: field.sort ?? false,
          HighlightEnabled: field.highlight ?? false,
          AnalysisScheme: '_en_default_',
        },
      };
    case 'literal':
      return {
        IndexFieldName: name,
        IndexFieldType: 'literal',
        LiteralOptions: {
          SearchEnabled: field.search ?? false,
          ReturnEnabled: field.return ?? false,
          SortEnabled: field.sort ?? false,
          FacetEnabled: false,
        },
      };
    case 'literal-array':
      return {
        IndexFieldName: name,
        IndexFieldType: 'literal-array',
        LiteralArrayOptions: {
          SearchEnabled: field.search ?? false,
          ReturnEnabled: field.return ?? false,
          FacetEnabled: false,
        },
      };
    case 'date':
      return {
        IndexFieldName: name,
        IndexFieldType: 'date',
        DateOptions: {
          SearchEnabled: field.search ?? false,
          ReturnEnabled: field.return ?? false,
          SortEnabled: field.sort ?? false,
          FacetEnabled: false,
        },
      };
    case 'int':
      return {
        IndexFieldName: name,
        IndexFieldType: 'int',
        IntOptions: {
          SearchEnabled: field.search ?? false,
          ReturnEnabled: field.return ?? false,
          SortEnabled: field.sort ?? false,
          FacetEnabled: false,
        },
      };
  }
}

export function indexFieldDefinitions(): IndexField[] {
  return SEARCH_INDEX_FIELDS.map(indexFieldDefinition);
}
