// Mutation testing of the domain modules that guard access, cursors,
// idempotency, ids and input validation: `npm run mutate`. Not part of
// `npm test`: one run takes minutes, so it runs on one core.
import jestConfig from './jest.config.js';

const unitProject = jestConfig.projects.find((project) => project.displayName === 'unit');

/** Each security-relevant module, by role (the scores per role are in bench/RESULTS.md). */
const modules = {
  accessControl: [
    'layers/domain/src/items/item.ts',
    'layers/domain/src/media/media-operations.ts',
    'layers/domain/src/search/cloudsearch-query.ts',
    'layers/domain/src/search/cloudsearch-index.ts',
    'layers/domain/src/search/opensearch-query.ts',
    'layers/domain/src/http/caller.ts',
  ],
  cursors: [
    'layers/domain/src/pagination/cursor.ts',
    'layers/domain/src/search/search-operations.ts',
  ],
  idempotency: ['layers/domain/src/dynamodb-idempotency.ts'],
  ids: ['layers/domain/src/ulid.ts'],
  validation: [
    'layers/domain/src/validation.ts',
    'layers/domain/src/http/json-limits.ts',
    'layers/domain/src/http/json-body.ts',
    'layers/domain/src/http/etag.ts',
    'layers/domain/src/http/request-parameters.ts',
  ],
};

// Stryker mutates a copy of the repository, but node_modules is linked, not
// copied: the workspace link `@mobile-backend/domain` would load the
// unmutated layer. These map its exports (layers/domain/package.json) to the
// copy's sources instead.
const domainInSandbox = {
  '^@mobile-backend/domain$': '<rootDir>/layers/domain/src/index.ts',
  '^@mobile-backend/domain/apps/(.+)$': '<rootDir>/layers/domain/src/apps/$1.ts',
  '^@mobile-backend/domain/(.+)$': '<rootDir>/layers/domain/src/entries/$1.ts',
};

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'jest',
  // Jest runs the ES modules natively, as `npm test` does.
  testRunnerNodeArgs: ['--experimental-vm-modules'],
  jest: {
    projectType: 'custom',
    // The unit project alone, as a flat config: unit tests need no local
    // services, and Stryker's per-test coverage needs one project. The config
    // file is package.json (which has no "jest" key), not jest.config.js,
    // whose `projects` would bring every suite and its global setup back.
    configFile: 'package.json',
    config: {
      ...unitProject,
      testMatch: [
        '<rootDir>/tests/unit/domain/**/*.test.ts',
        '<rootDir>/tests/unit/functions/**/*.test.ts',
      ],
      moduleNameMapper: domainInSandbox,
    },
    enableFindRelatedTests: false,
  },
  mutate: Object.values(modules).flat(),
  coverageAnalysis: 'perTest',
  concurrency: 1,
  timeoutMS: 10_000,
  reporters: ['clear-text', 'progress-append-only', 'html', 'json'],
  htmlReporter: { fileName: 'reports/mutation/index.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
};
