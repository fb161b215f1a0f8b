// Mutation testing of the domain modules that guard access, cursors,
// idempotency, ids and input validation. `npm run mutate` runs one role after
// another (scripts/mutate.ts); `MUTATION_ROLE=ids npx stryker run` runs one.
// Not part of `npm test`: a run takes minutes, so it runs on one core.
import jestConfig from './jest.config.js';
import { mutationRoles } from './scripts/mutation-roles.mjs';

const unitProject = jestConfig.projects.find((project) => project.displayName === 'unit');

const role = process.env.MUTATION_ROLE;
const selected = role === undefined ? Object.values(mutationRoles) : [mutationRoles[role]];
if (selected.includes(undefined)) {
  throw new Error(`MUTATION_ROLE must be one of ${Object.keys(mutationRoles).join(', ')}`);
}
const reportName = role ?? 'all';

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
      // Only the unit tests that pin the role's modules: every test file a
      // mutant run loads costs about a second.
      testMatch: [...new Set(selected.flatMap(({ tests }) => tests))].map(
        (test) => `<rootDir>/${test}`,
      ),
      moduleNameMapper: domainInSandbox,
    },
    // Each mutant runs only the test files that import its module (per-test
    // coverage then picks the tests within them that reach the mutant).
    enableFindRelatedTests: true,
  },
  mutate: selected.flatMap(({ modules }) => modules),
  coverageAnalysis: 'perTest',
  concurrency: 1,
  timeoutMS: 10_000,
  reporters: ['clear-text', 'progress-append-only', 'html', 'json'],
  htmlReporter: { fileName: `reports/mutation/${reportName}.html` },
  jsonReporter: { fileName: `reports/mutation/${reportName}.json` },
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
};
