// `npm run package [-- --help]`: installers with electron-builder from a local Electron runtime folder
// (`--electron-dist`, ELECTRON_OVERRIDE_DIST_PATH, or the one `npm run fetch:electron` puts in node_modules), so it
// never downloads Electron. electron-builder downloads its own platform tools (NSIS, AppImage) unless mirrors are
// set; `--linux dir` and `--win dir` need none, and the deb, rpm and MSI are built here from those (tools/package/).
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { makeBundledBinariesExecutable } from './lib/bundled-binaries.mjs';
import { electronDir, electronVersion } from './lib/electron.mjs';
import { isElectronStandIn, STAND_IN_MARKER } from './lib/electron-stand-in.mjs';
import { fail, log, projectRoot, run } from './lib/run.mjs';
import { buildInstallers } from './package/installers.mjs';
import { HELP, outputDir, parsePackageArguments } from './package/options.mjs';

const require = createRequire(import.meta.url);
const RUNTIME_FILES = ['electron', 'electron.exe', 'Electron.app'];

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

/** `--from-unpacked`: our installers from the unpacked app already there (refusing a stand-in's), then exit. */
async function buildFromUnpacked(options) {
  const outDir = path.resolve(projectRoot, outputDir(options.builderArgs));
  const unpacked = fs.existsSync(outDir) ? fs.readdirSync(outDir).filter((name) => name.endsWith('-unpacked')) : [];
  if (unpacked.some((name) => isElectronStandIn(path.join(outDir, name))) && !options.allowStandIn) {
    fail(`${outDir} holds an app packed from an Electron stand-in made for tests.`, 'A stand-in must never be signed or shipped.');
  }
  await buildOwnInstallers(options, outDir);
  process.exit(0);
}

async function buildOwnInstallers(options, outDir) {
  try {
    await buildInstallers(options.installers, outDir, options);
  } catch (error) {
    fail(`Could not build the installers: ${error.message}`, 'See docs/development.md#installers for what each one needs.');
  }
}

const options = parsePackageArguments(process.argv.slice(2));
if (options.help) {
  console.log(HELP);
  process.exit(0);
}
if (options.fromUnpacked) await buildFromUnpacked(options);
const electronDist = electronDistFolder(options);
makeBundledBinariesExecutable();
if (!options.skipBuild && run(process.execPath, ['tools/build.mjs']) !== 0) process.exit(1);
if (isElectronStandIn(electronDist)) log('WARNING: packaging against an Electron stand-in, for tests only; the result cannot run.');
log(`Packaging with the Electron runtime in ${electronDist}…`);
// Without a downloaded runtime electron-builder cannot read Electron's version; the installed package says it.
const versionArgs = options.builderArgs.some((arg) => arg.includes('electronVersion')) ? [] : [`-c.electronVersion=${electronVersion()}`];
const builder = require.resolve('electron-builder/cli.js');
const builderArgs = ['--config', 'electron-builder.yml', `-c.electronDist=${electronDist}`, ...versionArgs, ...options.builderArgs];
const builderStatus = run(process.execPath, [builder, ...builderArgs]) ?? 1;
if (builderStatus !== 0 || options.installers.length === 0) process.exit(builderStatus);
await buildOwnInstallers(options, path.resolve(projectRoot, outputDir(options.builderArgs)));
