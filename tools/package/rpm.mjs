// The .rpm, from electron-builder's `linux-unpacked` folder (see linux-package.mjs for the layout).
import fs from 'node:fs/promises';
import path from 'node:path';
import { Installer } from 'electron-installer-redhat';
import { buildWith, installerOptions, prepareAppDir, withAppAdditions } from './linux-package.mjs';

const RPM_ARCH = { x64: 'x86_64', arm64: 'aarch64' };

// rpmbuild strips every binary by default: that fails on the other platforms' prebuilt .node files that come with
// better-sqlite3, and the app's binaries ship as built (fuses flipped, nothing to gain).
const NO_STRIP = '%global __strip /bin/true\n%global _build_id_links none\n';

/** electron-installer-redhat's spec lists its own files only; `irec` is ours (the doc folder it lists already). */
class RpmInstaller extends withAppAdditions(Installer, 'rpm') {
  async createSpec() {
    await super.createSpec();
    const spec = await fs.readFile(this.specPath, 'utf8');
    const withIrec = spec.replace(/^%files\n/m, '%files\n/usr/bin/irec\n');
    // `fast` (tests, quick checks): an uncompressed payload, as even xz level 0 takes a minute on two cores.
    const payload = this.options.fast ? withIrec.replace(/^%define _binary_payload .*$/m, '%define _binary_payload w.ufdio') : withIrec;
    await fs.writeFile(this.specPath, NO_STRIP + payload);
  }
}

/** Builds `interview-recorder-<version>-1.<arch>.rpm` into `outDir`; returns its path. */
export async function buildRpm(appDir, outDir, arch, { fast = false } = {}) {
  await prepareAppDir(appDir);
  const options = {
    ...installerOptions(appDir, outDir, RPM_ARCH[arch]),
    license: 'Proprietary',
    fast,
    rename: (dest) => path.join(dest, '<%= name %>-<%= version %>-<%= revision %>.<%= arch %>.rpm'),
  };
  const [rpm] = await buildWith(RpmInstaller, options, { generateScripts: true });
  return rpm;
}
