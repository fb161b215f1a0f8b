// `npm run openapi`: writes docs/openapi.json from the contract's schemas
// (layers/domain/src/contract/). A unit test fails while the committed file
// is not what this writes.
import { writeFileSync } from 'node:fs';
import { OPENAPI_JSON_PATH, renderOpenApiJson } from './openapi-json';

writeFileSync(OPENAPI_JSON_PATH, await renderOpenApiJson());
console.log(`Wrote ${OPENAPI_JSON_PATH}`);
