// Lint, including the layer rules of the architecture guide: src/shared is pure (no electron, no Node, no
// DOM); services never import electron; the renderer reaches the main process only through window.api.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import { builtinModules } from 'node:module';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((name) => `node:${name}`)];
const restrict = (paths, patterns, message) => ({
  'no-restricted-imports': [
    'error',
    { paths: paths.map((name) => ({ name, message })), patterns: patterns.length ? [{ group: patterns, message }] : [] },
  ],
});
const DOM_GLOBALS = ['window', 'document', 'navigator', 'localStorage', 'sessionStorage', 'HTMLElement', 'location'];

export default tseslint.config(
  { ignores: ['dist/', 'release/', 'node_modules/', 'test-results/', '.cache/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      eqeqeq: ['error', 'always'],
      'no-console': 'off',
    },
  },
  {
    files: ['src/shared/**/*.ts'],
    rules: {
      ...restrict(
        ['electron', 'react', ...nodeBuiltins],
        ['**/main/**', '**/renderer/**', '**/preload/**', '**/host/**', '**/cli/**'],
        'src/shared is pure TypeScript: no electron, Node, DOM or app layers.',
      ),
      'no-restricted-globals': ['error', ...DOM_GLOBALS, 'process', 'Buffer', '__dirname', 'require'],
    },
  },
  {
    files: ['src/main/services/**/*.ts'],
    rules: restrict(
      ['electron'],
      ['electron/*', '**/windows/**', '**/security/install-guards*', '**/protocol/**'],
      'Services never import electron: take what you need through a port (see src/main/core.ts).',
    ),
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...restrict(
        ['electron', ...nodeBuiltins],
        ['**/main/**', '**/preload/**', '**/host/**', '**/cli/**'],
        'The renderer talks to the main process only through window.api.',
      ),
    },
  },
  {
    files: ['src/preload/**/*.ts'],
    rules: restrict(nodeBuiltins, ['**/main/**', '**/renderer/**'], 'A sandboxed preload may only use electron and src/shared.'),
  },
  {
    files: ['src/host/bridge-client.ts'],
    languageOptions: { globals: { ...globals.browser } },
  },
);
