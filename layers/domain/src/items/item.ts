import * as z from 'zod';
import { PayloadTooLargeError } from '../errors';
import { applyMergePatch } from '../json-merge-patch';
import { parseWith } from '../validation';

export const MAX_ITEM_BYTES = 64 * 1024;

const Title = z.string().min(1).max(200);
const Body = z.string().max(10_000);
const Tag = z.string().trim().toLowerCase().min(1).max(40);
const Tags = z
  .array(Tag)
  .transform((tags) => [...new Set(tags)])
  .pipe(z.array(z.string()).max(20));
const Visibility = z.enum(['private', 'public']);
/**
 * Any JSON value: what `z.json()` is, spelled out so that its recursion
 * refers to one named schema (`JsonValue` in docs/openapi.json).
 */
const JsonValue: z.ZodType<z.core.util.JSONType> = z
  .lazy(() =>
    z.union([
      z.string(),
      z.number(),
      z.boolean(),
      z.null(),
      z.array(JsonValue),
      z.record(z.string(), JsonValue),
    ]),
  )
  .meta({ id: 'JsonValue' });
/** The unstructured part: any JSON object. */
export const ItemDataSchema = z.record(z.string(), JsonValue);
const Data = ItemDataSchema;
// Ownership of media ids is checked once media exist; until then any id-shaped string.
const MediaIds = z.array(z.string().min(1).max(64)).max(10);

/** What a client may set on an item; also the shape of `POST /v1/items`. */
export const ItemContentSchema = z.strictObject({
  title: Title,
  body: Body.default(''),
  tags: Tags.default([]),
  visibility: Visibility.default('private'),
  data: Data.default({}),
  mediaIds: MediaIds.default([]),
});

/** `PATCH /v1/items/{id}` (RFC 7396): `null` clears an optional field; the title can only be replaced. */
export const ItemPatchSchema = z.strictObject({
  title: Title.optional(),
  body: Body.nullable().optional(),
  tags: Tags.nullable().optional(),
  visibility: Visibility.optional(),
  data: Data.nullable().optional(),
  mediaIds: MediaIds.nullable().optional(),
});

export type ItemContent = z.output<typeof ItemContentSchema>;
export type ItemVisibility = z.output<typeof Visibility>;

export type Item = ItemContent & {
  id: string;
  ownerId: string;
  createdAt: string;
  updatedAt: string;
  version: number;
};

export function parseNewItem(input: unknown): ItemContent {
  return parseWith(ItemContentSchema, input);
}

export function contentOf(item: Item): ItemContent {
  const { title, body, tags, visibility, data, mediaIds } = item;
  return { title, body, tags, visibility, data, mediaIds };
}

/** Applies a merge patch to an item's content and validates the result as a whole. */
export function applyItemPatch(current: ItemContent, patch: unknown): ItemContent {
  const changes = parseWith(ItemPatchSchema, patch);
  const merged = {
    title: changes.title ?? current.title,
    body: changes.body === null ? '' : (changes.body ?? current.body),
    tags: changes.tags === null ? [] : (changes.tags ?? current.tags),
    visibility: changes.visibility ?? current.visibility,
    data: changes.data === null ? {} : applyMergePatch(current.data, changes.data ?? {}),
    mediaIds: changes.mediaIds === null ? [] : (changes.mediaIds ?? current.mediaIds),
  };
  return parseWith(ItemContentSchema, merged);
}

/** 413 when the item, serialized as served, exceeds 64 KiB. */
export function assertItemFits(item: Item): void {
  const size = Buffer.byteLength(JSON.stringify(item), 'utf8');
  if (size > MAX_ITEM_BYTES) {
    throw new PayloadTooLargeError(
      `The item would be ${size} bytes serialized; the limit is ${MAX_ITEM_BYTES}.`,
    );
  }
}

export function isVisibleTo(item: Item, userId: string): boolean {
  return item.ownerId === userId || item.visibility === 'public';
}
