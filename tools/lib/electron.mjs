// Where Electron's runtime is, without `require('electron')`: since Electron 45 that require starts a
// download when the runtime is missing, which on a closed network only prints a stack trace.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);
export const electronDir = path.dirname(require.resolve('electron/package.json'));

/** The Electron executable when it is on disk (honouring ELECTRON_OVERRIDE_DIST_PATH), else null. */
export function electronBinary() {
  const pathFile = path.join(electronDir, 'path.txt');
  const relative = fs.existsSync(pathFile) ? fs.readFileSync(pathFile, 'utf8').trim() : null;
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  const binary = override ? path.join(override, relative || 'electron') : relative && path.join(electronDir, 'dist', relative);
  return binary && fs.existsSync(binary) ? binary : null;
}

export const electronAbi = () => fs.readFileSync(path.join(electronDir, 'abi_version'), 'utf8').trim();
export const electronVersion = () => JSON.parse(fs.readFileSync(path.join(electronDir, 'package.json'), 'utf8')).version;
