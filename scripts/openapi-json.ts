// docs/openapi.json as `npm run openapi` writes it: the generated document,
// formatted by the repository's Prettier settings so `npm run lint` accepts it.
import { format, resolveConfig } from 'prettier';
import { openApiDocument } from '../layers/domain/src/contract/openapi-document';

export const OPENAPI_JSON_PATH = 'docs/openapi.json';

export async function renderOpenApiJson(): Promise<string> {
  const options = (await resolveConfig(OPENAPI_JSON_PATH)) ?? {};
  return format(JSON.stringify(openApiDocument()), { ...options, parser: 'json' });
}
