// The installers built here after electron-builder has made the unpacked app: deb and rpm from `linux-unpacked`,
// the MSI from `win-unpacked` (its executable signed first, then the MSI, when a certificate is configured).
import fs from 'node:fs';
import path from 'node:path';
import { log, projectRoot } from '../lib/run.mjs';
import { buildDeb } from './deb.mjs';
import { buildMsi, MSI_EXE_NAME } from './msi.mjs';
import { buildRpm } from './rpm.mjs';
import { logSigning, signFile, signingConfig } from './sign.mjs';

/** electron-builder's unpacked folders by platform and architecture. */
const UNPACKED = { linux: { x64: 'linux-unpacked', arm64: 'linux-arm64-unpacked' }, win: { x64: 'win-unpacked' } };

function unpackedApps(outDir, platform) {
  const found = Object.entries(UNPACKED[platform])
    .map(([arch, name]) => ({ arch, dir: path.join(outDir, name) }))
    .filter(({ dir }) => fs.existsSync(dir));
  if (found.length === 0) throw new Error(`electron-builder left no ${Object.values(UNPACKED[platform]).join(' or ')} in ${outDir}`);
  return found;
}

/** Builds each of `installers` ([{platform, format}]) into `outDir`; returns the paths written. */
export async function buildInstallers(installers, outDir, { signPfx, fastCompression }) {
  const { version, author } = JSON.parse(fs.readFileSync(path.join(projectRoot, 'package.json'), 'utf8'));
  const built = [];
  for (const { arch, dir } of installers.some((i) => i.platform === 'linux') ? unpackedApps(outDir, 'linux') : []) {
    if (installers.some((i) => i.format === 'deb')) built.push(await buildDeb(dir, outDir, arch, { fast: fastCompression }));
    if (installers.some((i) => i.format === 'rpm')) built.push(await buildRpm(dir, outDir, arch, { fast: fastCompression }));
  }
  if (installers.some((i) => i.format === 'msi')) {
    const [{ dir }] = unpackedApps(outDir, 'win');
    const signing = signingConfig(signPfx);
    logSigning(signing);
    if (signing) signFile(path.join(dir, MSI_EXE_NAME), signing);
    const msi = await buildMsi(dir, outDir, { version, manufacturer: author.replace(/\s*<.*>$/, '') });
    if (signing) signFile(msi, signing);
    built.push(msi);
  }
  for (const file of built) log(`Built ${file}`);
  return built;
}
