// Path and query parameters, with the limits the parsers in http/ and
// search/ enforce.
import * as z from 'zod';
import { MAX_PATH_PARAMETER_LENGTH } from '../http/path-parameter-limit';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '../http/request-parameters';
import { MAX_QUERY_LENGTH } from '../search/search-parameters';

/** A path id; one that cannot name anything (too long, not a ULID where one is due) is a 404. */
export function pathId(description: string) {
  return z.string().min(1).max(MAX_PATH_PARAMETER_LENGTH).meta({ description });
}

export const PageQuery = z.object({
  limit: z
    .string()
    .regex(/^\d{1,3}$/)
    .optional()
    .meta({
      description: `An integer 1..${MAX_PAGE_SIZE} in digits; ${DEFAULT_PAGE_SIZE} when absent`,
      example: '20',
    }),
  cursor: z.string().optional().meta({
    description: '`nextCursor` of the previous page of the same listing; empty means the first',
  }),
});

export const SearchQuery = PageQuery.extend({
  q: z
    .string()
    .max(MAX_QUERY_LENGTH)
    .optional()
    .meta({ description: 'Free text, every term required; may be empty when a filter is given' }),
  tags: z.string().optional().meta({
    description: 'Comma-separated; at most 20 tags of at most 40 characters; an item carries all',
    example: 'bikes,red',
  }),
  owner: z.string().max(128).optional().meta({ description: "Only this user's items" }),
});

export const MediaQuery = z.object({
  item: z.string().optional().meta({
    description: "A public item holding the media: how others see an item's photos",
  }),
});
