// Request and response headers of the contract: concurrency (ETag, If-Match),
// idempotency (Idempotency-Key), and what every response carries.
import * as z from 'zod';
import { MAX_IDEMPOTENCY_KEY_LENGTH } from '../http/request-parameters';

export const IfMatchHeader = z.object({
  'If-Match': z.string().optional().meta({
    description:
      '`*` or a comma-separated list of entity tags (`"3"`, `W/"3"`); none current is a 412',
    example: '"3"',
  }),
});

export const IdempotencyKeyHeader = z.object({
  'Idempotency-Key': z.string().min(1).max(MAX_IDEMPOTENCY_KEY_LENGTH).optional().meta({
    description: 'A retry with the same key and body within one hour returns the first response',
    example: '0b6f1c39-3a57-4f5c-9d0e-5c2f3c1c2a9e',
  }),
});

const RequestId = z
  .string()
  .meta({ description: 'The API Gateway request id', header: { id: 'X-Request-Id' } });
const AllowOrigin = z.string().meta({
  description: 'The `AllowedOrigin` template parameter',
  header: { id: 'Access-Control-Allow-Origin' },
});
const ETag = z
  .string()
  .regex(/^"[1-9]\d*"$/)
  .meta({
    description: 'The `version`, quoted: send it back as `If-Match`',
    example: '"3"',
    header: { id: 'ETag' },
  });

/** Every response of a function, errors included. */
export const ResponseHeaders = z.object({
  'X-Request-Id': RequestId,
  'Access-Control-Allow-Origin': AllowOrigin.optional(),
});

/** A profile or an item: served with its version. */
export const VersionedHeaders = ResponseHeaders.extend({ ETag });

/** A created resource. */
export function createdHeaders(location: string, versioned: boolean) {
  return (versioned ? VersionedHeaders : ResponseHeaders).extend({
    Location: z.string().meta({ description: `\`${location}\`` }),
  });
}
