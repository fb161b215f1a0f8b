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
    // layer, through the entry of their feature (a smaller cold start than the
    // whole layer).
    files: ['functions/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: '@mobile-backend/domain',
              message: "Import the feature's entry, e.g. '@mobile-backend/domain/http'.",
            },
          ],
          patterns: [
            {
              regex: '^(?!@mobile-backend/domain/[a-z-]+$|aws-lambda$|\\.)',
              message:
                'Functions import runtime code only from @mobile-backend/domain/* (the layer).',
            },
          ],
        },
      ],
    },
  },
);
