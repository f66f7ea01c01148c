import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { RuntimeReport } from '../../shared/domain/doctor';
import { findOnPath, isExecutableFile, readVersionLine } from './executables';

const require = createRequire(import.meta.url);

export const ELECTRON_MISSING_HINT =
  'run `npm run fetch:electron` (set ELECTRON_MIRROR to a reachable mirror, or ELECTRON_OVERRIDE_DIST_PATH to an unpacked Electron)';

/** Is the Electron runtime on disk? `node_modules/electron` without its download has no `path.txt`. */
export function detectElectron(): RuntimeReport {
  if (process.versions.electron) return { available: true, version: process.versions.electron, path: process.execPath };
  let pkgDir: string;
  try {
    pkgDir = path.dirname(require.resolve('electron/package.json'));
  } catch {
    return { available: false, reason: 'the electron package is not installed (run npm ci)' };
  }
  const version = (JSON.parse(fs.readFileSync(path.join(pkgDir, 'package.json'), 'utf8')) as { version: string }).version;
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  const pathFile = path.join(pkgDir, 'path.txt');
  const binary = override
    ? path.join(override, 'electron')
    : fs.existsSync(pathFile)
      ? path.join(pkgDir, 'dist', fs.readFileSync(pathFile, 'utf8').trim())
      : null;
  if (binary && isExecutableFile(binary)) return { available: true, version, path: binary };
  return { available: false, version, reason: `Electron ${version} is not downloaded: ${ELECTRON_MISSING_HINT}` };
}

const CHROMIUM_CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
];

/** Chromium for the browser host and the end-to-end tests (`CHROMIUM_PATH` wins). */
export function findChromium(env = process.env): string | null {
  if (env.CHROMIUM_PATH) return isExecutableFile(env.CHROMIUM_PATH) ? env.CHROMIUM_PATH : null;
  return CHROMIUM_CANDIDATES.find(isExecutableFile) ?? findOnPath('chromium') ?? null;
}

export function detectChromium(): RuntimeReport {
  const file = findChromium();
  if (!file) return { available: false, reason: 'Chromium not found: `apt-get install chromium`, or set CHROMIUM_PATH' };
  const { version, error } = readVersionLine(file, ['--version']);
  return error ? { available: false, path: file, reason: error } : { available: true, path: file, version };
}
