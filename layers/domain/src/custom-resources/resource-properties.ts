import type * as z from 'zod';

/**
 * A custom resource's `ResourceProperties` read with its schema; anything
 * else fails the resource with every problem named, which CloudFormation
 * shows as the FAILED reason.
 */
export function parseResourceProperties<Schema extends z.ZodType>(
  schema: Schema,
  properties: Record<string, unknown>,
): z.infer<Schema> {
  const result = schema.safeParse(properties);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
  throw new Error(`Invalid properties: ${problems.join('; ')}`);
}
