import { z } from 'zod';
import { readEnvironment, type Environment, allowedOriginsOf } from '../config';

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

export function searchIndexerConfig(env: Environment = process.env): SearchIndexerConfig {
  return {
    documentEndpoint: readEnvironment(SearchIndexerEnvironment, env).SEARCH_DOCUMENT_ENDPOINT,
  };
}

export function searchApiConfig(env: Environment = process.env): SearchApiConfig {
  const vars = readEnvironment(SearchApiEnvironment, env);
  return {
    searchEndpoint: vars.SEARCH_QUERY_ENDPOINT,
    cursorSigningKey: vars.CURSOR_SIGNING_KEY,
    allowedOrigins: allowedOriginsOf(vars.ALLOWED_ORIGIN),
  };
}
