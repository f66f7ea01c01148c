// The per-machine MSI, from electron-builder's `win-unpacked` folder with Debian's wixl (electron-builder's own MSI
// target runs WiX under wine). What it installs and writes is in msi-wxs.mjs; the policies it can set come from
// the one policy definition (src/shared/config/policies.ts).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { tsImport } from 'tsx/esm/api';
import { policyConditions, policyProperties, PRODUCT_NAME, renderWxs } from './msi-wxs.mjs';

export const MSI_EXE_NAME = `${PRODUCT_NAME}.exe`;

/** Every file under `dir`, as paths relative to it with `/`, sorted so the MSI tables come out the same. */
function filesUnder(dir, relative = '') {
  return fs
    .readdirSync(path.join(dir, relative), { withFileTypes: true })
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((entry) => {
      const child = relative ? `${relative}/${entry.name}` : entry.name;
      return entry.isDirectory() ? filesUnder(dir, child) : [child];
    });
}

/**
 * What wixl cannot write from the .wxs, written into the built MSI with msitools' msibuild: the Component
 * conditions, and the policy properties added to SecureCustomProperties (which wixl fills with its own), so that
 * an elevated install (GPO, Intune, a user's UAC prompt) passes them on from the command line.
 */
function completeTables(msi, properties) {
  const secure = [...readProperty(msi, 'SecureCustomProperties').split(';').filter(Boolean), ...properties.map((p) => p.property)];
  const sql = [
    ...policyConditions(properties).map(
      ({ component, condition }) => `UPDATE \`Component\` SET \`Condition\` = '${condition}' WHERE \`Component\` = '${component}'`,
    ),
    `UPDATE \`Property\` SET \`Value\` = '${secure.join(';')}' WHERE \`Property\` = 'SecureCustomProperties'`,
  ];
  for (const query of sql) {
    const result = spawnSync('msibuild', [msi, '-q', query], { encoding: 'utf8' });
    if (result.error || result.status !== 0) throw new Error(`msibuild could not run ${query}: ${result.error?.message ?? result.stderr}`);
  }
}

/** A row of the MSI's Property table ('' when absent), read with msitools' msiinfo. */
function readProperty(msi, name) {
  const result = spawnSync('msiinfo', ['export', msi, 'Property'], { encoding: 'utf8' });
  if (result.error || result.status !== 0) throw new Error(`msiinfo could not read ${msi}: ${result.error?.message ?? result.stderr}`);
  const row = result.stdout.split(/\r?\n/).find((line) => line.startsWith(`${name}\t`));
  return row ? row.slice(name.length + 1) : '';
}

/** MSI versions are three numbers; a pre-release suffix (0.2.0-beta.1) is dropped. */
const msiVersion = (version) => /^\d+\.\d+\.\d+/.exec(version)?.[0] ?? '0.0.0';

/** Builds `<outDir>/InterviewRecorder-<version>.msi` from `appDir`; returns its path. */
export async function buildMsi(appDir, outDir, { version, manufacturer }) {
  const { POLICIES, REGISTRY_VALUE_TYPES } = await tsImport('../../src/shared/config/policies.ts', import.meta.url);
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'irec-msi-'));
  try {
    // Only the MSI installs this marker: the updater leaves an MSI install to IT (see docs/development.md#installers).
    fs.writeFileSync(path.join(work, 'install-type'), 'msi\n');
    // wixl reads only relative sources (from where it runs): the app through a link in the work folder.
    fs.symlinkSync(path.resolve(appDir), path.join(work, 'app'));
    const files = [
      ...filesUnder(appDir).map((relative) => ({ relative, source: `app/${relative}` })),
      { relative: 'resources/install-type', source: 'install-type' },
    ];
    if (!files.some((file) => file.relative === MSI_EXE_NAME)) throw new Error(`${appDir} has no ${MSI_EXE_NAME}`);
    const wxs = path.join(work, 'InterviewRecorder.wxs');
    const properties = policyProperties(POLICIES, REGISTRY_VALUE_TYPES);
    fs.writeFileSync(wxs, renderWxs({ version: msiVersion(version), manufacturer, files, exeName: MSI_EXE_NAME, properties }));
    const msi = path.resolve(outDir, `InterviewRecorder-${version}.msi`);
    const result = spawnSync('wixl', ['--arch', 'x64', '--output', msi, wxs], { encoding: 'utf8', cwd: work });
    if (result.error) throw new Error(`Could not run wixl (Debian package wixl): ${result.error.message}`);
    if (result.status !== 0) throw new Error(`wixl could not build ${msi}:\n${result.stdout}${result.stderr}`);
    completeTables(msi, properties);
    return msi;
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}
