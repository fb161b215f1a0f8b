// `npm run openapi`: writes docs/openapi.json from the contract's schemas
// (layers/domain/src/contract/), and the client's types from that document.
// Unit tests fail while either committed file is not what this writes.
import { writeFileSync } from 'node:fs';
import { CLIENT_TYPES_PATH, renderClientTypes } from './client-types';
import { OPENAPI_JSON_PATH, renderOpenApiJson } from './openapi-json';

const document = await renderOpenApiJson();
writeFileSync(OPENAPI_JSON_PATH, document);
console.log(`Wrote ${OPENAPI_JSON_PATH}`);
writeFileSync(CLIENT_TYPES_PATH, await renderClientTypes(document));
console.log(`Wrote ${CLIENT_TYPES_PATH}`);
