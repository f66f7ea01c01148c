// What the deb and the rpm share: electron-installer-debian/-redhat (electron-builder's own deb and rpm need fpm,
// which Debian lacks) build them from electron-builder's `linux-unpacked` folder, and this adds to what they lay
// out what the app needs: the `irec` command, the policy samples and the install-type marker.
//
// Layout (electron-installer's, kept): the app in /usr/lib/interview-recorder, /usr/bin/interview-recorder a link
// to it, /usr/bin/irec, /usr/share/applications/interview-recorder.desktop (the interview-recorder:// handler),
// /usr/share/doc/interview-recorder/ (copyright, policy-samples/). Policies go to /etc/interview-recorder/ by IT,
// never by the package.
import fs from 'node:fs/promises';
import path from 'node:path';
import { electronVersion } from '../lib/electron.mjs';
import { projectRoot } from '../lib/run.mjs';

export const PACKAGE_NAME = 'interview-recorder';
export const INSTALL_DIR = `/usr/lib/${PACKAGE_NAME}`;
const POLICY_SAMPLES = path.join(projectRoot, 'assets', 'policy', 'linux');

/** `irec` runs the installed app in its headless CLI mode (src/main/cli-mode.ts). */
const CLI_WRAPPER = `#!/bin/sh
# irec: Interview Recorder's command line (the installed app in its headless CLI mode).
exec ${INSTALL_DIR}/${PACKAGE_NAME} --cli "$@"
`;

const COPYRIGHT = `Interview Recorder
Copyright © 2026 Interview Recorder. All rights reserved.

It includes Electron, whose licence is in ${INSTALL_DIR}/LICENSE.electron.txt.
`;

/** The options both installers take, for `appDir` (a `linux-unpacked` folder) into `outDir`. */
export function installerOptions(appDir, outDir, arch) {
  return {
    src: appDir,
    dest: outDir,
    arch,
    name: PACKAGE_NAME,
    productName: 'Interview Recorder',
    genericName: 'Interview recorder',
    bin: PACKAGE_NAME,
    icon: path.join(projectRoot, 'assets', 'icon.png'),
    categories: ['AudioVideo', 'Recorder'],
    // The .desktop file's Exec ends in %U, so the link arrives as the app's argument.
    mimeType: [`x-scheme-handler/${PACKAGE_NAME}`],
    logger: () => {},
  };
}

/**
 * electron-installer reads Electron's version from the `version` file of Electron's folder, which electron-builder
 * leaves out of its output; this puts it back.
 */
export async function prepareAppDir(appDir) {
  const versionFile = path.join(appDir, 'version');
  await fs.writeFile(versionFile, `${electronVersion()}\n`, { flag: 'wx' }).catch((error) => {
    if (error.code !== 'EEXIST') throw error;
  });
}

/** An electron-installer `Installer` class with the app's own additions. */
export function withAppAdditions(Installer, installType) {
  return class extends Installer {
    get contentFunctions() {
      return [...super.contentFunctions, 'createCliWrapper', 'copyPolicySamples'];
    }

    /** After the copy (the content functions run side by side): the marker the updater reads (install-type). */
    async copyApplication() {
      await super.copyApplication();
      await fs.writeFile(path.join(this.stagingAppDir, 'resources', 'install-type'), `${installType}\n`, { mode: 0o644 });
    }

    /** The app's licence text; the app folder has no LICENSE (electron-builder renames Electron's). */
    async copyLicense(copyrightFile) {
      await fs.writeFile(copyrightFile, COPYRIGHT);
    }

    async createCliWrapper() {
      const wrapper = path.join(this.stagingDir, this.baseAppDir, 'bin', 'irec');
      await fs.mkdir(path.dirname(wrapper), { recursive: true, mode: 0o755 });
      await fs.writeFile(wrapper, CLI_WRAPPER, { mode: 0o755 });
    }

    /** The policy.json and recommended.json samples, as documentation: IT copies them to /etc/interview-recorder/. */
    async copyPolicySamples() {
      const samples = (await fs.readdir(POLICY_SAMPLES).catch(() => [])).filter((name) => name.endsWith('.json'));
      if (samples.length === 0) return;
      const dir = path.join(this.stagingDir, this.baseAppDir, 'share', 'doc', PACKAGE_NAME, 'policy-samples');
      await fs.mkdir(dir, { recursive: true, mode: 0o755 });
      for (const sample of samples) {
        await fs.copyFile(path.join(POLICY_SAMPLES, sample), path.join(dir, sample));
        await fs.chmod(path.join(dir, sample), 0o644);
      }
    }
  };
}

/** Runs an installer the way electron-installer's own entry points do, with `Installer` in their place. */
export async function buildWith(Installer, options, { generateScripts = false } = {}) {
  const installer = new Installer(options);
  await installer.generateDefaults();
  installer.generateOptions();
  if (generateScripts) await installer.generateScripts();
  await installer.createStagingDir();
  await installer.createContents();
  await installer.createPackage();
  await installer.movePackage();
  return installer.options.packagePaths;
}
