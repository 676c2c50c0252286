// Type-aware linting: floating promises and non-exhaustive switches are errors,
// because both lose work silently (an unawaited write, an unhandled status).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['**/node_modules/**', 'data/**', '**/dist/**', 'coverage/**', '**/*.mjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
      // String-built SQL is how OpenEMR's CVE-2026-24908 happened: all SQL goes through Kysely.
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.property.name='unsafe']",
          message: 'No raw SQL strings: use Kysely query builders or sql`` tagged templates.',
        },
      ],
    },
  },
  {
    files: ['packages/core/src/**/*.ts'],
    rules: {
      // Time is injected through the Clock port: no Date.now() in the domain.
      'no-restricted-properties': [
        'error',
        { object: 'Date', property: 'now', message: 'Use the Clock port.' },
      ],
      'no-restricted-globals': [
        'error',
        { name: 'process', message: 'Core reads no environment.' },
      ],
    },
  },
  {
    files: [
      '**/*.test.ts',
      '**/*.contract.ts',
      '**/testing/**/*.ts',
      '**/matrix/**/*.ts',
      'bench/**/*.ts',
      'e2e/**/*.ts',
    ],
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/require-await': 'off',
    },
  },
);
