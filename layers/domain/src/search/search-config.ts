import { z } from 'zod';

// Read once at cold start, as config.ts does for the other functions.

const nonEmpty = z.string().min(1);

const SearchIndexerEnvironment = z.object({ SEARCH_DOCUMENT_ENDPOINT: nonEmpty });

const SearchApiEnvironment = z.object({
  SEARCH_QUERY_ENDPOINT: nonEmpty,
  CURSOR_SIGNING_KEY: z.string().min(32, 'must be at least 32 characters'),
  ALLOWED_ORIGIN: nonEmpty.default('*'),
});

export interface SearchIndexerConfig {
  documentEndpoint: string;
}

export interface SearchApiConfig {
  searchEndpoint: string;
  cursorSigningKey: string;
  allowedOrigins: string[];
}

type Environment = Record<string, string | undefined>;

function read<T extends z.ZodType>(schema: T, env: Environment): z.infer<T> {
  const result = schema.safeParse(env);
  if (!result.success) {
    // Names and reasons only: values may be secrets.
    const problems = result.error.issues.map(
      (issue) => `${issue.path.join('.')}: ${issue.message}`,
    );
    throw new Error(`Invalid configuration: ${problems.join('; ')}`);
  }
  return result.data;
}

export function searchIndexerConfig(env: Environment = process.env): SearchIndexerConfig {
  return { documentEndpoint: read(SearchIndexerEnvironment, env).SEARCH_DOCUMENT_ENDPOINT };
}

export function searchApiConfig(env: Environment = process.env): SearchApiConfig {
  const vars = read(SearchApiEnvironment, env);
  return {
    searchEndpoint: vars.SEARCH_QUERY_ENDPOINT,
    cursorSigningKey: vars.CURSOR_SIGNING_KEY,
    allowedOrigins: vars.ALLOWED_ORIGIN.split(',')
      .map((origin) => origin.trim())
      .filter((origin) => origin !== ''),
  };
}
