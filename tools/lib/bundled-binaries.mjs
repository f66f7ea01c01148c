// npm ci runs no install scripts (.npmrc), so the ffprobe binary shipped inside @ffprobe-installer's platform
// package keeps the non-executable mode of its tarball; its own postinstall would only have run chmod.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { log } from './run.mjs';

const require = createRequire(import.meta.url);

export function makeBundledBinariesExecutable() {
  const binary = `@ffprobe-installer/${process.platform}-${process.arch}/${process.platform === 'win32' ? 'ffprobe.exe' : 'ffprobe'}`;
  let file;
  try {
    file = require.resolve(binary);
  } catch {
    return; // no build of ffprobe for this platform: PATH or FFPROBE_PATH will be used
  }
  const mode = fs.statSync(file).mode;
  if ((mode & 0o111) === 0o111) return;
  fs.chmodSync(file, mode | 0o755);
  log(`Made ${binary} executable.`);
}
