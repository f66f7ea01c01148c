// `npm run package [-- [--electron-dist <dir>] [--skip-build] <electron-builder args>]`: installers with
// electron-builder from a local Electron runtime folder (`--electron-dist`, ELECTRON_OVERRIDE_DIST_PATH, or the one
// `npm run fetch:electron` puts in node_modules), so it never downloads Electron. electron-builder downloads its
// own platform tools (NSIS, AppImage, fpm) unless mirrors are set; `--linux dir` and `--win dir` need none.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { makeBundledBinariesExecutable } from './lib/bundled-binaries.mjs';
import { electronDir, electronVersion } from './lib/electron.mjs';
import { isElectronStandIn, STAND_IN_MARKER } from './lib/electron-stand-in.mjs';
import { fail, log, run } from './lib/run.mjs';

const require = createRequire(import.meta.url);
const RUNTIME_FILES = ['electron', 'electron.exe', 'Electron.app'];

/** Our own options out of the arguments; the rest go to electron-builder unchanged. */
function parseArguments(argv) {
  const options = { electronDist: undefined, skipBuild: false, allowStandIn: false, builderArgs: [] };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--electron-dist') options.electronDist = argv[++i];
    else if (arg.startsWith('--electron-dist=')) options.electronDist = arg.slice('--electron-dist='.length);
    else if (arg === '--skip-build') options.skipBuild = true;
    // Only the packaging test passes this: it packs against a stand-in to read the fuses back.
    else if (arg === '--allow-electron-stand-in-for-tests') options.allowStandIn = true;
    else options.builderArgs.push(arg);
  }
  return options;
}

/** The Electron runtime folder to package from, checked; exits with what to do when there is none. */
function electronDistFolder({ electronDist, allowStandIn }) {
  const dir = path.resolve(electronDist || process.env.ELECTRON_OVERRIDE_DIST_PATH || path.join(electronDir, 'dist'));
  if (!RUNTIME_FILES.some((file) => fs.existsSync(path.join(dir, file)))) {
    fail(
      `Packaging needs Electron's runtime, which \`npm ci\` does not download; ${dir} has none (${RUNTIME_FILES.join(', ')}).`,
      'Run `npm run fetch:electron` (with ELECTRON_MIRROR set where GitHub is unreachable), or unzip the electron-v' +
        `${electronVersion()}-<platform>-<arch>.zip release and pass its folder with \`--electron-dist <dir>\`.`,
    );
  }
  if (isElectronStandIn(dir) && !allowStandIn) {
    fail(
      `${dir} is an Electron stand-in made for tests (it holds ${STAND_IN_MARKER}): its binaries are not Electron.`,
      'Package from a real Electron runtime folder; a stand-in must never be signed or shipped.',
    );
  }
  return dir;
}

const options = parseArguments(process.argv.slice(2));
const electronDist = electronDistFolder(options);
makeBundledBinariesExecutable();
if (!options.skipBuild && run(process.execPath, ['tools/build.mjs']) !== 0) process.exit(1);
if (isElectronStandIn(electronDist)) log('WARNING: packaging against an Electron stand-in, for tests only; the result cannot run.');
log(`Packaging with the Electron runtime in ${electronDist}…`);
// Without a downloaded runtime electron-builder cannot read Electron's version; the installed package says it.
const versionArgs = options.builderArgs.some((arg) => arg.includes('electronVersion')) ? [] : [`-c.electronVersion=${electronVersion()}`];
const builder = require.resolve('electron-builder/cli.js');
const builderArgs = ['--config', 'electron-builder.yml', `-c.electronDist=${electronDist}`, ...versionArgs, ...options.builderArgs];
process.exit(run(process.execPath, [builder, ...builderArgs]) ?? 1);
