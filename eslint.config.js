// ESLint: typescript-eslint (type-aware, for deprecated APIs), no import cycles, and the layer order
// below (docs/architecture.md §2), each enforced by a maintained rule.
import { builtinModules } from 'node:module';
import { join } from 'node:path';
import { defineConfig } from 'eslint/config';
import js from '@eslint/js';
import { createNodeResolver, importX } from 'eslint-plugin-import-x';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/**
 * The layer order: the one place that says which folder may import which. A layer always imports
 * itself; `imports` lists the other folders (or single files) it may import, `'*'` meaning any.
 * `electron`: may import the electron package (no one else may). `node: false`: no Node builtins
 * (the code runs in the renderer or the sandboxed preload). `npm`: the only npm packages allowed
 * (default: any). The README's Architecture section points here.
 */
export const LAYERS = [
  { layer: 'shared', imports: [], node: false },
  { layer: 'main/core', imports: ['shared'] },
  { layer: 'main/host', imports: ['main/core', 'shared'] },
  // The desktop shell's rules in plain Node: Electron's objects come in as parameters.
  { layer: 'main/shell', imports: ['main/core', 'shared'] },
  // The app:// protocol serves the renderer with the host's path check (one check, two servers).
  {
    layer: 'main/electron',
    imports: ['main/core', 'main/shell', 'shared', 'main/host/static-files.ts'],
    electron: true,
  },
  // The contract's names and channels, and the citizen view's narrowing (preload/citizen.ts):
  // files that import no npm package (rule below), so the sandboxed preloads stay small.
  {
    layer: 'preload',
    imports: [
      'shared/contract/channels.ts',
      'shared/contract/names.ts',
      'shared/contract/result.ts',
      'shared/contract/access.ts',
      'shared/contract/citizen-view.ts',
    ],
    electron: true,
    node: false,
    npm: ['electron'],
  },
  { layer: 'renderer', imports: ['shared'], node: false },
  // The hub's organisation console: the desk's theme and two of its generic pieces, nothing desk-only.
  {
    layer: 'console',
    imports: [
      'shared',
      'renderer/src/app/theme.ts',
      'renderer/src/app/ScreenTitle.tsx',
      'renderer/src/app/use-reduced-motion.ts',
    ],
    node: false,
  },
  // The hub builds its Facilita export with the desk's own export code, on purpose: one format;
  // it serves the console's pages with the host's path check (one check, three servers).
  { layer: 'server', imports: ['shared', 'main/core/export/facilita', 'main/host/static-files.ts'] },
  { layer: 'test', imports: '*' },
  { layer: 'scripts', imports: '*' },
];

const root = import.meta.dirname;
const at = (path) => join(root, path);

/** import-x/no-restricted-paths zones: every layer's folder is closed to every other layer but its own list. */
function layerZones() {
  const zones = [];
  for (const { layer, imports } of LAYERS) {
    if (imports === '*') continue;
    const message = `${layer}/ may import only ${[layer, ...imports].join(', ')} (LAYERS in eslint.config.js).`;
    for (const { layer: other } of LAYERS) {
      if (other === layer || imports.includes(other)) continue;
      const inside = imports.filter((path) => path.startsWith(`${other}/`));
      zones.push({ target: at(layer), from: at(other), except: inside.map(at), message });
    }
  }
  return zones;
}

/** no-restricted-imports per layer for packages: electron, Node builtins, the npm allow-list. */
function packageRules({ layer, electron = false, node = true, npm }) {
  const message = `${layer}/: see LAYERS in eslint.config.js.`;
  const patterns = [];
  if (!electron)
    patterns.push({
      group: ['electron', 'electron/*'],
      message: `${message} Only main/electron/ and preload/ import electron.`,
    });
  if (!node) patterns.push({ group: ['node:*'], message: `${message} No Node builtins here.` });
  if (npm) {
    const allowed = npm.map((name) => name.replace(/[/.]/g, '\\$&')).join('|');
    patterns.push({
      regex: `^(?!\\.|(${allowed})(/|$))`,
      message: `${message} npm packages allowed: ${npm.join(', ')}.`,
    });
  }
  // Bare builtin names ('fs', 'domain'…) go in `paths` (exact names): as patterns they would also
  // match folders of ours with the same name, such as shared/domain.
  const paths = node ? [] : builtinModules.map((name) => ({ name, message: `${message} No Node builtins here.` }));
  return { files: [`${layer}/**`], rules: { 'no-restricted-imports': ['error', { patterns, paths }] } };
}

export default defineConfig(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: { ...globals.node },
      ecmaVersion: 2024,
      sourceType: 'module',
      parserOptions: { projectService: true, tsconfigRootDir: root },
    },
    plugins: { 'import-x': importX },
    settings: {
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.json'] })],
      'import-x/extensions': ['.ts', '.tsx', '.js', '.mjs', '.cjs'],
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-deprecated': 'error',
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      'import-x/no-restricted-paths': ['error', { zones: layerZones() }],
      'no-console': 'off',
    },
  },
  ...LAYERS.map(packageRules),
  {
    // The preload bundles these (and what they import): they must stay free of zod and every package.
    files: [
      'shared/contract/channels.ts',
      'shared/contract/**/names.ts',
      'shared/contract/result.ts',
      'shared/contract/access.ts',
      'shared/contract/citizen-view.ts',
      'shared/domain/journal/options.ts',
    ],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ regex: '^(?!\\.)', message: 'The preload bundles this file: no packages.' }] },
      ],
    },
  },
  // Plain JavaScript (config, scripts) is outside the TypeScript project: no type-aware rules there.
  { files: ['**/*.{js,mjs,cjs}'], ...tseslint.configs.disableTypeChecked },
  { files: ['renderer/**', 'console/**'], languageOptions: { globals: { ...globals.browser } } },
  {
    files: ['test/**/*.ts', 'test/**/*.mjs', 'scripts/**'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
);
