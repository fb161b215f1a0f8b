import { readFileSync } from 'node:fs';
import { CLIENT_TYPES_PATH, renderClientTypes } from '../../../scripts/client-types';
import { OPENAPI_JSON_PATH } from '../../../scripts/openapi-json';

describe("the client's types", () => {
  it('are committed as npm run openapi writes them from docs/openapi.json', async () => {
    const expected = await renderClientTypes(readFileSync(OPENAPI_JSON_PATH, 'utf8'));

    const committed = readFileSync(CLIENT_TYPES_PATH, 'utf8');

    expect(committed === expected ? 'fresh' : 'stale: run npm run openapi').toBe('fresh');
  });
});
