import eslint from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/', '.aws-sam/', '.sandbox/', 'coverage/'] },
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
);
