// The security-relevant domain modules by role, each with the unit tests that
// pin it (stryker.config.mjs, scripts/mutate.ts). The scores per role are in
// bench/RESULTS.md.
const src = 'layers/domain/src';
const tests = 'tests/unit/domain';

export const mutationRoles = {
  accessControl: {
    modules: [
      `${src}/items/item.ts`,
      `${src}/media/media-operations.ts`,
      `${src}/search/cloudsearch-query.ts`,
      `${src}/search/cloudsearch-index.ts`,
      `${src}/search/opensearch-query.ts`,
      `${src}/http/caller.ts`,
    ],
    tests: [
      `${tests}/items/item-operations.test.ts`,
      `${tests}/items/item-schema.test.ts`,
      `${tests}/media/media-operations.test.ts`,
      `${tests}/search/cloudsearch-query.test.ts`,
      `${tests}/search/cloudsearch-index.test.ts`,
      `${tests}/search/search-request-contracts.test.ts`,
      `${tests}/search/opensearch-requests.test.ts`,
      `${tests}/http/caller.test.ts`,
    ],
  },
  cursors: {
    modules: [`${src}/pagination/cursor.ts`, `${src}/search/search-operations.ts`],
    tests: [
      `${tests}/pagination/cursor.test.ts`,
      `${tests}/search/search-operations.test.ts`,
      `${tests}/items/item-operations.test.ts`,
    ],
  },
  idempotency: {
    modules: [`${src}/dynamodb-idempotency.ts`],
    tests: [`${tests}/dynamodb-idempotency.test.ts`],
  },
  ids: {
    modules: [`${src}/ulid.ts`],
    tests: [
      `${tests}/ulid.test.ts`,
      `${tests}/items/item-operations.test.ts`,
      `${tests}/media/media-operations.test.ts`,
    ],
  },
  validation: {
    modules: [
      `${src}/validation.ts`,
      `${src}/http/json-limits.ts`,
      `${src}/http/json-body.ts`,
      `${src}/http/etag.ts`,
      `${src}/http/request-parameters.ts`,
    ],
    tests: [
      `${tests}/validation.test.ts`,
      `${tests}/http/json-limits.test.ts`,
      `${tests}/http/json-body.test.ts`,
      `${tests}/http/etag.test.ts`,
      `${tests}/http/request-parameters.test.ts`,
      `${tests}/items/item-schema.test.ts`,
    ],
  },
};
