import * as z from 'zod';
import { readEnvironment, type Environment, allowedOriginsOf } from '../config';

// Read once at cold start, as config.ts does for the other functions. Only
// the chosen engine's variables are required; the other engine's are empty.

const nonEmpty = z.string().min(1);

/** Where the engine is, for each engine the template can choose (SearchEngine). */
const OpenSearchEnvironment = z.object({
  SEARCH_ENGINE: z.literal('opensearch'),
  OPENSEARCH_ENDPOINT: z.url(),
  OPENSEARCH_INDEX: nonEmpty,
  // Lambda sets it; the request signature names the region.
  AWS_REGION: nonEmpty,
});

const CloudSearchIndexerEnvironment = z.object({
  SEARCH_ENGINE: z.literal('cloudsearch'),
  SEARCH_DOCUMENT_ENDPOINT: nonEmpty,
});

const CloudSearchApiEnvironment = z.object({
  SEARCH_ENGINE: z.literal('cloudsearch'),
  SEARCH_QUERY_ENDPOINT: nonEmpty,
});

const SearchIndexerEnvironment = z.discriminatedUnion('SEARCH_ENGINE', [
  OpenSearchEnvironment,
  CloudSearchIndexerEnvironment,
]);

const SearchApiEnvironment = z.intersection(
  z.discriminatedUnion('SEARCH_ENGINE', [OpenSearchEnvironment, CloudSearchApiEnvironment]),
  z.object({
    // The key itself is read from Secrets Manager at cold start, never from the environment.
    CURSOR_SIGNING_SECRET_ARN: nonEmpty,
    ALLOWED_ORIGIN: nonEmpty.default('*'),
    // Profiles only: a deleted account's token is refused before any search.
    APP_TABLE_NAME: nonEmpty,
  }),
);

export interface OpenSearchLocation {
  engine: 'opensearch';
  endpoint: string;
  /** The read alias. */
  index: string;
  region: string;
}

export interface CloudSearchLocation {
  engine: 'cloudsearch';
  /** The document endpoint (indexer) or the search endpoint (API). */
  endpoint: string;
}

export type SearchEngineLocation = OpenSearchLocation | CloudSearchLocation;

export interface SearchIndexerConfig {
  engine: SearchEngineLocation;
}

export interface SearchApiConfig {
  engine: SearchEngineLocation;
  /** The secret whose AWSCURRENT version signs cursors (AWSPREVIOUS still verifies). */
  cursorSigningSecretArn: string;
  allowedOrigins: string[];
  appTableName: string;
}

function openSearchLocationOf(vars: z.infer<typeof OpenSearchEnvironment>): OpenSearchLocation {
  return {
    engine: 'opensearch',
    endpoint: vars.OPENSEARCH_ENDPOINT,
    index: vars.OPENSEARCH_INDEX,
    region: vars.AWS_REGION,
  };
}

export function searchIndexerConfig(env: Environment = process.env): SearchIndexerConfig {
  const vars = readEnvironment(SearchIndexerEnvironment, env);
  return {
    engine:
      vars.SEARCH_ENGINE === 'opensearch'
        ? openSearchLocationOf(vars)
        : { engine: 'cloudsearch', endpoint: vars.SEARCH_DOCUMENT_ENDPOINT },
  };
}

export function searchApiConfig(env: Environment = process.env): SearchApiConfig {
  const vars = readEnvironment(SearchApiEnvironment, env);
  return {
    engine:
      vars.SEARCH_ENGINE === 'opensearch'
        ? openSearchLocationOf(vars)
        : { engine: 'cloudsearch', endpoint: vars.SEARCH_QUERY_ENDPOINT },
    cursorSigningSecretArn: vars.CURSOR_SIGNING_SECRET_ARN,
    allowedOrigins: allowedOriginsOf(vars.ALLOWED_ORIGIN),
    appTableName: vars.APP_TABLE_NAME,
  };
}
