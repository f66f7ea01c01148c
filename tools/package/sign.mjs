// Authenticode signing of the Windows executable and the MSI with osslsigncode (Debian), because electron-builder's
// own signing always asks a timestamp server, which an offline build cannot reach. A release build must timestamp
// (IREC_SIGN_TIMESTAMP_URL): without it a signature stops verifying when the certificate expires.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { log } from '../lib/run.mjs';

/**
 * The signing certificate from `--sign-pfx` or IREC_SIGN_PFX, with IREC_SIGN_PASSWORD and IREC_SIGN_TIMESTAMP_URL;
 * null when none is configured (the build is then unsigned).
 */
export function signingConfig(signPfx, env = process.env) {
  const pfx = signPfx || env.IREC_SIGN_PFX;
  if (!pfx) return null;
  if (!fs.existsSync(pfx)) throw new Error(`The signing certificate ${pfx} does not exist (--sign-pfx or IREC_SIGN_PFX).`);
  return { pfx: path.resolve(pfx), password: env.IREC_SIGN_PASSWORD ?? '', timestampUrl: env.IREC_SIGN_TIMESTAMP_URL || undefined };
}

/** Says in one line what the Windows files will be: signed (timestamped or not) or unsigned. */
export function logSigning(config) {
  if (!config) log('No signing certificate configured (IREC_SIGN_PFX or --sign-pfx): the Windows files are unsigned.');
  else if (!config.timestampUrl) log(`Signing with ${config.pfx}, without a timestamp (IREC_SIGN_TIMESTAMP_URL unset): not for release.`);
  else log(`Signing with ${config.pfx}, timestamped by ${config.timestampUrl}.`);
}

/** Signs `file` in place (SHA-256). The password goes through a private file, never the command line. */
export function signFile(file, config) {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'irec-sign-'));
  try {
    const passwordFile = path.join(work, 'password');
    fs.writeFileSync(passwordFile, config.password, { mode: 0o600 });
    const signed = path.join(work, path.basename(file));
    const args = ['sign', '-pkcs12', config.pfx, '-readpass', passwordFile, '-h', 'sha256', '-n', 'Interview Recorder'];
    if (config.timestampUrl) args.push('-ts', config.timestampUrl);
    const result = spawnSync('osslsigncode', [...args, '-in', file, '-out', signed], { encoding: 'utf8' });
    if (result.error) throw new Error(`Could not run osslsigncode (Debian package osslsigncode): ${result.error.message}`);
    if (result.status !== 0) throw new Error(`osslsigncode could not sign ${file}:\n${result.stdout}${result.stderr}`);
    fs.copyFileSync(signed, file);
    log(`Signed ${file}`);
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}
