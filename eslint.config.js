import eslint from '@eslint/js';
import tseslint from 'typescript-eslint';

// The domain layer's adapter boundary: AWS SDK, Powertools and search-client
// code lives only in files named for the technology they adapt, in the
// composition roots (apps/), in the one Powertools setup (observability.ts)
// and in the HTTP edge (http/, the API Gateway adapter, and its entry).
const domainAdapters = [
  'layers/domain/src/**/dynamodb.ts',
  'layers/domain/src/**/dynamodb-*.ts',
  'layers/domain/src/**/s3-*.ts',
  'layers/domain/src/**/sns-*.ts',
  'layers/domain/src/**/sqs-*.ts',
  'layers/domain/src/**/cognito-*.ts',
  'layers/domain/src/**/lambda-*.ts',
  'layers/domain/src/**/sfn-*.ts',
  'layers/domain/src/**/api-gateway-*.ts',
  'layers/domain/src/**/opensearch-*.ts',
  'layers/domain/src/**/cloudsearch-*.ts',
  'layers/domain/src/**/cloudfront-*.ts',
  'layers/domain/src/**/secrets-manager-*.ts',
  'layers/domain/src/**/adapters/**',
  'layers/domain/src/apps/**',
  'layers/domain/src/observability.ts',
  'layers/domain/src/http/**',
  'layers/domain/src/entries/http.ts',
];

export default tseslint.config(
  {
    ignores: ['node_modules/', '.aws-sam/', '.sandbox/', 'coverage/', 'reports/', '.stryker-tmp/'],
  },
  eslint.configs.recommended,
  ...tseslint.configs.strict,
  {
    languageOptions: {
      globals: { process: 'readonly', console: 'readonly', URL: 'readonly', fetch: 'readonly' },
    },
  },
  {
    // Functions ship only their own code; everything they run comes from the
    // layer: their composition root ('@mobile-backend/domain/apps/<function>')
    // and the HTTP helpers ('@mobile-backend/domain/http'), so a cold start
    // loads only what that function runs.
    files: ['functions/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: '@mobile-backend/domain',
              message: "Import the function's app, e.g. '@mobile-backend/domain/apps/data-api'.",
            },
          ],
          patterns: [
            {
              regex: '^(?!@mobile-backend/domain/(http|apps/[a-z-]+)$|aws-lambda$|\\.)',
              message:
                "Functions import only their app ('@mobile-backend/domain/apps/<function>'), '@mobile-backend/domain/http' and aws-lambda types.",
            },
          ],
        },
      ],
    },
  },
  {
    // Tests and tools name the feature they use, as the layout does.
    files: ['tests/**/*.ts', 'bench/**/*.ts', 'scripts/**/*.ts', 'sandbox/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: '@mobile-backend/domain',
              message: "Import the feature's entry, e.g. '@mobile-backend/domain/media'.",
            },
          ],
        },
      ],
    },
  },
  {
    // zod's `z` export is a namespace object esbuild cannot tree-shake: it
    // pulls every locale and the JSON Schema code into the layer (about
    // 0.6 MB). Imported as a namespace, only the schemas used are bundled.
    files: ['layers/domain/src/**/*.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "ImportDeclaration[source.value='zod'] > ImportSpecifier[imported.name='z']",
          message:
            "Import zod as `import * as z from 'zod'`, which the layer bundle can tree-shake.",
        },
      ],
    },
  },
  {
    files: ['layers/domain/src/**/*.ts'],
    ignores: domainAdapters,
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                '@aws-sdk/*',
                '@aws-lambda-powertools/*',
                '@opensearch-project/*',
                '@smithy/*',
              ],
              message:
                'SDK and Powertools code goes in an adapter named for its technology (dynamodb-*.ts, s3-*.ts, sns-*.ts, opensearch-*.ts, ... or adapters/), in apps/ (wiring), observability.ts or http/; domain code depends on a port instead.',
            },
          ],
        },
      ],
    },
  },
);
