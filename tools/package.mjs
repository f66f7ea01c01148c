// `npm run package [-- electron-builder args]`: installers with electron-builder. It needs Electron's
// runtime on disk (npm run fetch:electron), and downloads its own platform tools unless mirrors are set.
import { createRequire } from 'node:module';
import path from 'node:path';
import { makeBundledBinariesExecutable } from './lib/bundled-binaries.mjs';
import { electronBinary, electronDir } from './lib/electron.mjs';
import { fail, log, run } from './lib/run.mjs';

const require = createRequire(import.meta.url);
if (!electronBinary()) {
  fail(
    "Packaging needs Electron's runtime, which `npm ci` does not download.",
    'Run `npm run fetch:electron` (with ELECTRON_MIRROR set where GitHub is unreachable). electron-builder also fetches NSIS, ' +
      'AppImage and fpm tools; set ELECTRON_BUILDER_BINARIES_MIRROR to a mirror of them where GitHub is unreachable.',
  );
}
makeBundledBinariesExecutable();
if (run(process.execPath, ['tools/build.mjs']) !== 0) process.exit(1);
const electronDist = process.env.ELECTRON_OVERRIDE_DIST_PATH || path.join(electronDir, 'dist');
log(`Packaging with the Electron runtime in ${electronDist}…`);
const builder = require.resolve('electron-builder/cli.js');
process.exit(
  run(process.execPath, [builder, '--config', 'electron-builder.yml', `-c.electronDist=${electronDist}`, ...process.argv.slice(2)]) ?? 1,
);
