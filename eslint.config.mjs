// `npm run lint` (and the first step of `npm test`): typescript-eslint's recommended rules, plus the
// type-aware rules that catch a dropped or misused promise: the way a failed write could pass unseen.
// Formatting is Prettier's (.prettierrc.json); lines and files are held short by test/unit/layers.test.ts.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'out/', 'media/', 'node_modules/', '.vscode-test/', '.vscode-test-web/', 'test-results/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none', ignoreRestSiblings: true },
      ],
    },
  },
  {
    files: ['**/*.ts'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { arguments: false, properties: false } }],
      '@typescript-eslint/await-thenable': 'error',
    },
  },
  {
    // Loaded lazily on purpose, each typed as `typeof import(...)`: the parser only when a worker is not
    // there, node:worker_threads never in a Web Worker, `vscode` in VS Code 1.82's CommonJS host, and test
    // files after mocha.setup.
    files: ['src/bank/source-node.ts', 'src/bank/worker.ts', 'src/platform/node.ts', 'test/integration/index.ts', 'test/web/suite.ts'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  { files: ['**/*.mjs'], languageOptions: { globals: globals.node } },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: globals.node },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
