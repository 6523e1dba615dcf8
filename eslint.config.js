// ESLint: typescript-eslint plus the import rules of ARCHITECTURE §2, enforced per folder.
import { builtinModules } from 'node:module';
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// Bare builtin names ('fs', 'domain'…) go in `paths` (exact names): as gitignore-style patterns they
// would also match folders of ours with the same name, such as shared/domain.
const nodeBuiltins = ['node:*'];
const restrict = (groups, message, { noBareBuiltins = false } = {}) => ({
  'no-restricted-imports': [
    'error',
    {
      patterns: groups.map((group) => ({ group, message })),
      paths: noBareBuiltins ? builtinModules.map((name) => ({ name, message })) : [],
    },
  ],
});

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node }, ecmaVersion: 2024, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'no-console': 'off',
    },
  },
  {
    files: ['renderer/**'],
    languageOptions: { globals: { ...globals.browser } },
    rules: restrict(
      [['electron', ...nodeBuiltins, '**/main/**', '**/preload/**', '**/server/**']],
      'The renderer talks to the core only through the contract client (renderer/src/api).',
      { noBareBuiltins: true },
    ),
  },
  {
    files: ['shared/**'],
    rules: restrict(
      [['electron', ...nodeBuiltins, '**/main/**', '**/renderer/**', '**/preload/**', '**/server/**']],
      'shared/ runs everywhere (renderer included): no electron, no node:*, no app folders.',
      { noBareBuiltins: true },
    ),
  },
  {
    files: ['main/core/**', 'main/host/**', 'server/**', 'test/**', 'scripts/**'],
    rules: restrict(
      [['electron', 'electron/*', '**/main/electron/**', '**/renderer/**']],
      'Only main/electron/ (and the preload) may import electron; the core is plain Node.',
    ),
  },
  {
    files: ['preload/**'],
    rules: restrict(
      [[...nodeBuiltins, '**/main/**', '**/renderer/**', 'zod']],
      'The sandboxed preload only bridges the contract names to IPC.',
      { noBareBuiltins: true },
    ),
  },
  {
    files: ['test/**/*.ts', 'test/**/*.mjs', 'scripts/**'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
);
