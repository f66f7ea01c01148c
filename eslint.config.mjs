// Lint, including the architecture's layer rules (docs/architecture.md): every folder of src/ says what it may
// import, and every npm package the app uses is classified by the runtime it needs, so a Node package in the
// renderer or a browser package in the core fails here rather than in a build.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import { builtinModules } from 'node:module';

/** Every npm package imported under src/, by the runtime it needs (a test keeps this complete). */
export const PACKAGE_RUNTIMES = {
  node: ['better-sqlite3', '@aws-sdk/client-s3', '@smithy/node-http-handler', '@smithy/types'],
  browser: ['react', 'react-dom', 'agora-rtc-sdk-ng', 'livekit-client'],
  either: ['zod', 'intl-messageformat'],
  /** Only the Electron layer (src/main) and the preload may import electron (and electron-updater, which needs it). */
  electron: ['electron', 'electron-updater'],
  /**
   * Agora's native SDK: it runs only in the native call window's page (required there at run time, never bundled);
   * the renderer imports its types to check the seam against it. Node layers must not load it.
   */
  nativeCallWindow: ['agora-electron-sdk'],
};

const NODE_BUILTINS = [...builtinModules, ...builtinModules.map((name) => `node:${name}`)];
const DOM_GLOBALS = ['window', 'document', 'navigator', 'localStorage', 'sessionStorage', 'HTMLElement', 'location'];

/** One forbidden set: exact module names (and their subpaths) or gitignore-style path patterns, with why. */
const forbid = (message, { names = [], patterns = [] }) => ({
  paths: names.map((name) => ({ name, message })),
  patterns: [...names.filter((name) => !name.startsWith('node:') && !builtinModules.includes(name)).map((name) => `${name}/*`), ...patterns]
    .length
    ? [
        {
          group: [
            ...names.filter((name) => !name.startsWith('node:') && !builtinModules.includes(name)).map((name) => `${name}/*`),
            ...patterns,
          ],
          message,
        },
      ]
    : [],
});
const restrict = (...sets) => ({
  'no-restricted-imports': ['error', { paths: sets.flatMap((set) => set.paths), patterns: sets.flatMap((set) => set.patterns) }],
});

const NO_ELECTRON = forbid('Only src/main (and the preload) import electron; the core takes what it needs through CorePorts.', {
  names: PACKAGE_RUNTIMES.electron,
});
const NO_NODE = forbid('This layer runs in a browser: no Node built-ins or Node-only packages.', {
  names: [...NODE_BUILTINS, ...PACKAGE_RUNTIMES.node],
});
const NO_BROWSER = forbid('This layer runs under Node: no browser-only packages.', {
  names: [...PACKAGE_RUNTIMES.browser, ...PACKAGE_RUNTIMES.nativeCallWindow],
});
const NO_RENDERER = forbid('Only the browser side imports the renderer.', { patterns: ['**/renderer/**', '**/preload/**'] });
const NO_ENTRY_POINTS = forbid('Entry points (main, host, cli) are imported by nobody.', {
  patterns: ['**/main/**', '**/host/**', '**/cli/**', '!**/shared/**'],
});
const NO_CATALOG = forbid('Transports (IPC handlers, CLI) call services; only the catalog and the services query the database.', {
  names: ['better-sqlite3'],
  patterns: ['**/catalog/queries/**', '**/catalog/migrations/**', '**/catalog/open-catalog*'],
});
const NO_TRANSPORT = forbid('Services know no transport: no IPC, no composition root; throw AppError and emit events.', {
  patterns: ['**/ipc/**', '**/create-core*', '**/pipeline*', '**/event-bus*'],
});

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
    files: ['src/**/*.{ts,tsx}'],
    rules: { 'max-lines-per-function': ['error', { max: 80, skipBlankLines: true, skipComments: true }] },
  },
  {
    files: ['src/shared/**/*.ts'],
    rules: {
      ...restrict(
        forbid('src/shared is pure TypeScript: no electron, Node, DOM, npm packages beyond zod, or app layers.', {
          names: [...PACKAGE_RUNTIMES.electron, ...PACKAGE_RUNTIMES.node, ...PACKAGE_RUNTIMES.browser, ...NODE_BUILTINS],
          patterns: ['**/core/**', '**/main/**', '**/renderer/**', '**/preload/**', '**/host/**', '**/cli/**'],
        }),
      ),
      'no-restricted-globals': ['error', ...DOM_GLOBALS, 'process', 'Buffer', '__dirname', 'require'],
    },
  },
  { files: ['src/core/**/*.ts'], rules: restrict(NO_ELECTRON, NO_BROWSER, NO_RENDERER, NO_ENTRY_POINTS) },
  { files: ['src/core/services/**/*.ts'], rules: restrict(NO_ELECTRON, NO_BROWSER, NO_RENDERER, NO_ENTRY_POINTS, NO_TRANSPORT) },
  { files: ['src/core/ipc/**/*.ts'], rules: restrict(NO_ELECTRON, NO_BROWSER, NO_RENDERER, NO_ENTRY_POINTS, NO_CATALOG) },
  {
    files: ['src/cli/**/*.ts'],
    rules: restrict(
      NO_ELECTRON,
      NO_BROWSER,
      NO_RENDERER,
      NO_CATALOG,
      forbid('The CLI imports the core and src/shared only.', { patterns: ['**/main/**', '**/host/**', '**/core/ipc/**'] }),
    ),
  },
  {
    files: ['src/host/**/*.ts'],
    ignores: ['src/host/bridge-client.ts'],
    rules: restrict(
      NO_ELECTRON,
      NO_BROWSER,
      NO_RENDERER,
      NO_CATALOG,
      forbid('The browser host imports the core and src/shared only.', { patterns: ['**/main/**', '**/cli/**'] }),
    ),
  },
  {
    files: ['src/host/bridge-client.ts'],
    languageOptions: { globals: { ...globals.browser } },
    rules: restrict(
      NO_ELECTRON,
      NO_NODE,
      forbid('The bridge is the browser side of the host protocol.', { patterns: ['**/core/**', '**/main/**', '**/cli/**'] }),
    ),
  },
  {
    files: ['src/main/**/*.ts'],
    rules: restrict(
      NO_BROWSER,
      NO_RENDERER,
      NO_CATALOG,
      forbid('src/main wraps the core with Electron; it imports no other entry point.', { patterns: ['**/host/**', '**/cli/**'] }),
    ),
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...restrict(
        NO_ELECTRON,
        NO_NODE,
        forbid('The renderer talks to the main process only through window.api.', {
          patterns: ['**/core/**', '**/main/**', '**/preload/**', '**/host/**', '**/cli/**', '!**/host/host-protocol*'],
        }),
      ),
    },
  },
  {
    files: ['src/preload/**/*.ts'],
    rules: restrict(
      NO_NODE,
      NO_BROWSER,
      forbid('A sandboxed preload may only use electron and src/shared.', { patterns: ['**/core/**', '**/main/**', '**/renderer/**'] }),
    ),
  },
);
