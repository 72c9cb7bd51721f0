import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

// The Vendure plugin and the e2e Vendure server type-check against @vendure/core, which only the
// e2e install (`npm run vendure:install`) brings; without it they are not linted.
const vendureInstalled = existsSync(
  fileURLToPath(import.meta.resolve('./e2e/vendure-server/node_modules/@vendure/core/package.json')),
);

export default tseslint.config(
  {
    ignores: [
      'node_modules',
      'data',
      'test-results',
      'coverage',
      'dist',
      'web/dist',
      '**/node_modules',
      ...(vendureInstalled ? [] : ['packages/vendure-plugin/**', 'e2e/vendure-server/**']),
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        projectService: { allowDefaultProject: ['*.js', '*.mjs', 'scripts/*.mjs', 'bin/*.mjs'] },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true, allowBoolean: true }],
      'no-restricted-syntax': [
        'error',
        {
          selector: "MemberExpression[object.name='process'][property.name='env']",
          message: 'Read configuration through src/config only.',
        },
      ],
    },
  },
  {
    files: ['src/config/**', 'scripts/**', 'bench/**', 'test/**', '**/*.test.ts', 'vitest.config.ts', 'bin/**'],
    rules: { 'no-restricted-syntax': 'off' },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: { globals: { process: 'readonly', console: 'readonly' } },
  },
);
