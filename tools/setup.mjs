// `npm run setup` (after `npm ci`): installs the system packages the app and its tests use where they are
// missing (Debian, as root; elsewhere it says what to install), builds better-sqlite3 and the app.
import { spawnSync } from 'node:child_process';
import { log, run } from './lib/run.mjs';

const has = (command) => spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
const wanted = [
  ['chromium', 'chromium', 'the browser host and end-to-end tests'],
  ['ffmpeg', 'ffmpeg', 'finalizing recordings'],
  ['ffprobe', 'ffmpeg', 'verifying recordings'],
  ['espeak-ng', 'espeak-ng', 'speaking the questions (the OS voice on Linux)'],
  // What the tests use to build and check installers and policy templates (npm run package, docs/development.md).
  ['xmllint', 'libxml2-utils', 'validating the policy templates'],
  ['rpmbuild', 'rpm', 'building and reading the rpm'],
  ['wixl', 'wixl', 'building the MSI'],
  ['msiinfo', 'msitools', 'reading the MSI and writing its conditions (msibuild)'],
  ['osslsigncode', 'osslsigncode', 'Authenticode signing'],
  ['7z', 'p7zip-full', 'reading the rpm'],
  ['openssl', 'openssl', 'making the test signing certificate'],
];
const missing = [...new Set(wanted.filter(([command]) => !has(command)).map(([, pkg]) => pkg))];

if (missing.length === 0) {
  log(`System packages: ${wanted.map(([command]) => command).join(', ')} are installed.`);
} else if (process.platform === 'linux' && has('apt-get') && process.getuid?.() === 0) {
  log(`Installing Debian packages: ${missing.join(' ')}…`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  if (run('apt-get', ['update', '-qq'], { env }) !== 0 || run('apt-get', ['install', '-y', '-qq', ...missing], { env }) !== 0) {
    log(`apt-get failed; install them yourself: apt-get install ${missing.join(' ')}`);
    process.exit(1);
  }
} else {
  for (const [command, pkg, why] of wanted) {
    if (!has(command))
      log(
        `Missing ${command} (for ${why}): install "${pkg}" with your package manager, or set CHROMIUM_PATH / FFMPEG_PATH / FFPROBE_PATH.`,
      );
  }
}

if (run(process.execPath, ['tools/native/ensure.mjs']) !== 0) process.exit(1);
if (run(process.execPath, ['tools/build.mjs']) !== 0) process.exit(1);
log('Set-up complete. `npm start` runs the app; `npm test` runs every test.');
