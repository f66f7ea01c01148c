// The .deb, from electron-builder's `linux-unpacked` folder (see linux-package.mjs for the layout).
import path from 'node:path';
import { Installer } from 'electron-installer-debian';
import { buildWith, installerOptions, prepareAppDir, withAppAdditions } from './linux-package.mjs';

const DEBIAN_ARCH = { x64: 'amd64', arm64: 'arm64' };

/** Builds `interview-recorder_<version>_<arch>.deb` into `outDir`; returns its path. */
export async function buildDeb(appDir, outDir, arch, { fast = false } = {}) {
  await prepareAppDir(appDir);
  const options = {
    ...installerOptions(appDir, outDir, DEBIAN_ARCH[arch]),
    section: 'video',
    // xz as Debian does; `fast` (tests, quick checks) stores uncompressed: xz takes minutes on two cores.
    compression: fast ? 'none' : 'xz',
    rename: (dest) => path.join(dest, '<%= name %>_<%= version %>_<%= arch %>.deb'),
  };
  const [deb] = await buildWith(withAppAdditions(Installer, 'deb'), options);
  return deb;
}
