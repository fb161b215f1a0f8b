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
    // Functions ship only their own code; everything they run comes from the layer.
    files: ['functions/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^(?!@mobile-backend/domain$|aws-lambda$|\\.)',
              message:
                'Functions import runtime code only from @mobile-backend/domain (the layer).',
            },
          ],
        },
      ],
    },
  },
);
