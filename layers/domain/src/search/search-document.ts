import type { Item } from '../items/item';

/** What the search domain stores for one item: its id and the index fields. */
export interface SearchDocument {
  id: string;
  fields: {
    owner_id: string;
    visibility: Item['visibility'];
    title: string;
    body: string;
    tags: string[];
    created_at: string;
    updated_at: string;
    version: number;
  };
}

/** Document id = item id; `data` and `mediaIds` are not searchable and stay out of the index. */
export function searchDocumentOf(item: Item): SearchDocument {
  return {
    id: item.id,
    fields: {
      owner_id: item.ownerId,
      visibility: item.visibility,
      title: item.title,
      body: item.body,
      tags: item.tags,
      created_at: item.createdAt,
      updated_at: item.updatedAt,
      version: item.version,
    },
  };
}
