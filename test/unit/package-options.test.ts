// The package script's command line: which installers it builds itself, what electron-builder is asked for
// instead, and that --help names every option it accepts.
import { describe, expect, it } from 'vitest';
import { HELP, outputDir, parsePackageArguments } from '../../tools/package/options.mjs';

describe('npm run package arguments', () => {
  it("builds deb and rpm itself from electron-builder's unpacked app, keeping the other Linux targets", () => {
    const options = parsePackageArguments(['--linux', 'AppImage', 'deb', 'rpm', '-c.npmRebuild=false']);
    expect(options.installers).toEqual([
      { platform: 'linux', format: 'deb' },
      { platform: 'linux', format: 'rpm' },
    ]);
    expect(options.builderArgs).toEqual(['--linux', 'dir', 'AppImage', '-c.npmRebuild=false']);
  });

  it('builds the MSI itself, and never asks electron-builder for a second dir', () => {
    expect(parsePackageArguments(['--win', 'msi']).builderArgs).toEqual(['--win', 'dir']);
    expect(parsePackageArguments(['--win', 'dir', 'msi']).builderArgs).toEqual(['--win', 'dir']);
    // "msi" under --linux is not ours: electron-builder says what it thinks of it.
    expect(parsePackageArguments(['--linux', 'msi']).installers).toEqual([]);
  });

  it('takes its own options out, with values inline or separate', () => {
    const options = parsePackageArguments([
      '--sign-pfx=a.pfx',
      '--electron-dist',
      '/opt/electron',
      '--skip-build',
      '--fast-compression',
      '--from-unpacked',
      '--allow-electron-stand-in-for-tests',
      '--win',
      'nsis',
    ]);
    expect(options).toMatchObject({
      signPfx: 'a.pfx',
      electronDist: '/opt/electron',
      skipBuild: true,
      fastCompression: true,
      fromUnpacked: true,
      allowStandIn: true,
      installers: [],
      builderArgs: ['--win', 'nsis'],
    });
  });

  it('finds the output folder electron-builder is told to use', () => {
    expect(outputDir(['--linux', 'dir'])).toBe('release');
    expect(outputDir(['-c.directories.output=/tmp/out'])).toBe('/tmp/out');
  });

  it('documents every option in --help', () => {
    for (const option of [
      '--electron-dist',
      '--skip-build',
      '--sign-pfx',
      '--from-unpacked',
      '--fast-compression',
      '--allow-electron-stand-in-for-tests',
      '--help',
    ]) {
      expect(HELP).toContain(option);
    }
    for (const variable of ['IREC_SIGN_PFX', 'IREC_SIGN_PASSWORD', 'IREC_SIGN_TIMESTAMP_URL']) expect(HELP).toContain(variable);
  });
});
