// Builds everything into dist/: the renderer with Vite, and with esbuild the Electron main process, the
// sandboxed preload, the CLI, the browser host and its bridge. Fast enough (seconds) to run before tests.
import * as esbuild from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';
import { build as viteBuild } from 'vite';
import { log, projectRoot } from './lib/run.mjs';

const src = (file) => path.join(projectRoot, 'src', file);
const out = (file) => path.join(projectRoot, 'dist', file);
const tool = (file) => path.join(projectRoot, 'tools', file);

// ESM sources use import.meta.url; in the CommonJS bundles it becomes the bundle file's own URL.
const nodeBundle = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: true,
  packages: 'external',
  define: { 'import.meta.url': '__irecImportMetaUrl' },
  banner: { js: "const __irecImportMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
  logLevel: 'warning',
};

const started = Date.now();
// Always React's production build, even when called from a test runner that sets NODE_ENV=test.
process.env.NODE_ENV = 'production';
await viteBuild({ configFile: path.join(projectRoot, 'vite.config.ts'), mode: 'production', logLevel: 'warn' });
await Promise.all([
  esbuild.build({ ...nodeBundle, entryPoints: [src('main/index.ts')], outfile: out('main/index.cjs'), external: ['electron'] }),
  esbuild.build({ ...nodeBundle, entryPoints: [src('host/main.ts')], outfile: out('host/main.cjs') }),
  // The local development backend: a library for tools/start.mjs and a command of its own.
  esbuild.build({ ...nodeBundle, entryPoints: [tool('dev-backend/index.ts')], outfile: out('dev-backend/index.cjs') }),
  esbuild.build({ ...nodeBundle, entryPoints: [tool('dev-backend/main.ts')], outfile: out('dev-backend/main.cjs') }),
  esbuild.build({
    ...nodeBundle,
    entryPoints: [src('cli/irec.ts')],
    outfile: out('cli/irec.cjs'),
    banner: { js: `#!/usr/bin/env node\n${nodeBundle.banner.js}` },
  }),
  // The same commands as a library for the installed app's CLI mode (src/main/cli-mode.ts loads it at run time).
  esbuild.build({ ...nodeBundle, entryPoints: [src('cli/run-cli.ts')], outfile: out('cli/run-cli.cjs') }),
  // A sandboxed preload may require only 'electron': everything else is bundled in.
  esbuild.build({
    bundle: true,
    platform: 'node',
    target: 'chrome120',
    format: 'cjs',
    entryPoints: [src('preload/index.ts')],
    outfile: out('preload/index.cjs'),
    external: ['electron'],
    logLevel: 'warning',
  }),
  esbuild.build({
    bundle: true,
    platform: 'browser',
    target: 'chrome120',
    format: 'iife',
    entryPoints: [src('host/bridge-client.ts')],
    outfile: out('host/bridge.js'),
    logLevel: 'warning',
  }),
  // The page `irec call check` joins a test channel in (headless Chromium, the renderer's own call providers).
  esbuild.build({
    bundle: true,
    platform: 'browser',
    target: 'chrome120',
    format: 'esm',
    entryPoints: [src('renderer/call-check/call-check-page.ts')],
    outfile: out('call-check/call-check.js'),
    logLevel: 'warning',
  }),
  // The native call window's page (Windows and macOS): a classic script, which reaches agora-electron-sdk and
  // electron through the `require` its window gives it at run time; neither is bundled.
  esbuild.build({
    bundle: true,
    platform: 'browser',
    target: 'chrome120',
    format: 'iife',
    entryPoints: [src('renderer/native-call/native-call-page.ts')],
    outfile: out('native-call/native-call.js'),
    logLevel: 'warning',
  }),
]);
for (const file of ['index.html', 'native-call.css']) fs.copyFileSync(src(`renderer/native-call/${file}`), out(`native-call/${file}`));
log(`Built dist/ in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
