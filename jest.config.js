// Four suites: unit (no services), integration (real local services), api
// (HTTP through the sandbox with real tokens) and fuzz (generated requests
// through a sandbox of its own). ES modules run
// natively, so the code under test is the code that ships.
const transform = {
  '^.+\\.ts$': ['ts-jest', { useESM: true, diagnostics: false }],
};
const common = {
  extensionsToTreatAsEsm: ['.ts'],
  transform,
  testEnvironment: 'node',
  // What the code under test logs goes to .test-logs/, not to the test output.
  setupFiles: ['<rootDir>/tests/support/test-logs.ts'],
};

export default {
  projects: [
    {
      ...common,
      displayName: 'unit',
      globals: { testLogName: 'unit' },
      testMatch: ['<rootDir>/tests/unit/**/*.test.ts'],
    },
    {
      ...common,
      displayName: 'integration',
      globals: { testLogName: 'integration' },
      testMatch: ['<rootDir>/tests/integration/**/*.test.ts'],
      globalSetup: '<rootDir>/tests/integration/global-setup.ts',
      globalTeardown: '<rootDir>/tests/integration/global-teardown.ts',
    },
    {
      ...common,
      displayName: 'api',
      globals: { testLogName: 'api' },
      testMatch: ['<rootDir>/tests/api/**/*.test.ts'],
      setupFiles: ['<rootDir>/tests/api/support/use-api-sandbox.ts'],
      globalSetup: '<rootDir>/tests/api/global-setup.ts',
      globalTeardown: '<rootDir>/tests/api/global-teardown.ts',
    },
    {
      ...common,
      displayName: 'fuzz',
      globals: { testLogName: 'fuzz' },
      testMatch: ['<rootDir>/tests/fuzz/**/*.test.ts'],
      setupFiles: ['<rootDir>/tests/fuzz/use-fuzz-sandbox.ts'],
      globalSetup: '<rootDir>/tests/fuzz/global-setup.ts',
      globalTeardown: '<rootDir>/tests/fuzz/global-teardown.ts',
    },
  ],
};
