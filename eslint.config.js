// ESLint flat config: typescript-eslint's type-checked recommended rules over src/ and test/, run by
// `npm run lint` and before `npm test`. Rules are tuned only where they fight a deliberate choice of the
// codebase; each tuning says why.
const js = require('@eslint/js');
const tseslint = require('typescript-eslint');

module.exports = tseslint.config(
  { ignores: ['dist/**', 'output/**', 'node_modules/**', 'coverage/**', 'data/**', 'templates/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    files: ['**/*.ts'],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: __dirname },
    },
    rules: {
      // `_name` marks a parameter a callback signature requires but this implementation does not use.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      // Numbers and booleans in messages and file names are fine; objects are still caught
      // (they would print "[object Object]").
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true, allowBoolean: true }],
    },
  },
  {
    // Benchmarks implement an interface whose prepare/run return promises, and jest callbacks are async by
    // habit: an async function without await there is conformance, not a forgotten await.
    files: ['src/bench/**/*.ts', 'test/**/*.ts'],
    rules: { '@typescript-eslint/require-await': 'off' },
  },
  {
    // jest's asymmetric matchers (expect.objectContaining, expect.stringMatching, expect.any) are typed `any`
    // and are meant to sit inside expected objects; everything else in tests is still checked.
    files: ['test/**/*.ts'],
    rules: { '@typescript-eslint/no-unsafe-assignment': 'off' },
  },
  {
    // The CommonJS config files themselves (this file, jest.config.js) are plain Node scripts.
    files: ['**/*.js'],
    extends: [tseslint.configs.disableTypeChecked],
    languageOptions: { sourceType: 'commonjs', globals: { require: 'readonly', module: 'writable', __dirname: 'readonly' } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
