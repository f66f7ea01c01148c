// The package script's command line: its own options, the installer formats it builds itself (deb, rpm, msi), and
// the rest, which goes to electron-builder unchanged.

export const HELP = `npm run package -- [options] [--linux <targets…>] [--win <targets…>] [--mac <targets…>] [electron-builder args]

Builds the app with electron-builder from a local Electron runtime folder (it never downloads Electron).

Targets after --linux / --win / --mac:
  dir              the unpacked app (release/linux-unpacked, release/win-unpacked); needs no download
  deb, rpm         (--linux) built here from the unpacked app by electron-installer-debian / -redhat
  msi              (--win) the per-machine MSI, built here from the unpacked app by Debian's wixl
  anything else    electron-builder's own target (AppImage, nsis, dmg, pkg…), which downloads its tools

Options:
  --electron-dist <dir>   Electron's runtime folder (else ELECTRON_OVERRIDE_DIST_PATH, else the one
                          \`npm run fetch:electron\` installs)
  --skip-build            package the dist/ already built instead of running \`npm run build\` first
  --sign-pfx <file>       Authenticode certificate (PKCS#12) for the Windows executable and the MSI; also
                          IREC_SIGN_PFX, with IREC_SIGN_PASSWORD and IREC_SIGN_TIMESTAMP_URL (a release build must
                          timestamp; an offline one cannot). Without a certificate the Windows files are unsigned.
  --from-unpacked         skip electron-builder: build deb, rpm, msi from the unpacked app already in the output
                          folder (release CI makes win-unpacked on Windows and the MSI on Linux, where wixl is)
  --fast-compression      store the deb and rpm uncompressed (xz takes minutes on two cores): tests, quick checks
  --allow-electron-stand-in-for-tests
                          accept a stand-in Electron folder (tools/lib/electron-stand-in.mjs); only tests pass it
  --help                  this text

Other arguments go to electron-builder, e.g. -c.directories.output=<dir>.
`;

const PLATFORM_FLAGS = { '--linux': 'linux', '-l': 'linux', '--win': 'win', '--windows': 'win', '-w': 'win', '--mac': 'mac', '-m': 'mac' };
/** The formats built here, by platform, from electron-builder's `dir` output. */
export const OWN_TARGETS = { linux: ['deb', 'rpm'], win: ['msi'], mac: [] };

/**
 * Our options out of `argv`; platform targets we build ourselves are replaced by `dir` for electron-builder and
 * listed in `installers` ([{platform, format}]).
 */
export function parsePackageArguments(argv) {
  const options = {
    help: false,
    electronDist: undefined,
    skipBuild: false,
    allowStandIn: false,
    signPfx: undefined,
    fastCompression: false,
    fromUnpacked: false,
    installers: [],
    builderArgs: [],
  };
  let platform = null;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const [name, inlineValue] =
      arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg];
    const value = () => inlineValue ?? argv[++i];
    if (name === '--help' || name === '-h') options.help = true;
    else if (name === '--electron-dist') options.electronDist = value();
    else if (name === '--sign-pfx') options.signPfx = value();
    else if (name === '--skip-build') options.skipBuild = true;
    else if (name === '--fast-compression') options.fastCompression = true;
    else if (name === '--from-unpacked') options.fromUnpacked = true;
    // Only the packaging tests pass this: they pack against a stand-in.
    else if (name === '--allow-electron-stand-in-for-tests') options.allowStandIn = true;
    else if (PLATFORM_FLAGS[arg]) {
      platform = PLATFORM_FLAGS[arg];
      options.builderArgs.push(arg);
      continue;
    } else if (platform && !arg.startsWith('-') && OWN_TARGETS[platform].includes(arg)) {
      options.installers.push({ platform, format: arg });
      continue;
    } else options.builderArgs.push(arg);
    if (arg.startsWith('-')) platform = null;
  }
  return { ...options, builderArgs: withDirTargets(options.builderArgs, options.installers) };
}

/** electron-builder's arguments with `dir` after each platform whose own installers we build from it. */
function withDirTargets(builderArgs, installers) {
  const needDir = new Set(installers.map((installer) => installer.platform));
  const args = [];
  for (let i = 0; i < builderArgs.length; i++) {
    args.push(builderArgs[i]);
    const platform = PLATFORM_FLAGS[builderArgs[i]];
    if (!platform || !needDir.has(platform)) continue;
    needDir.delete(platform);
    let end = i + 1;
    while (end < builderArgs.length && !builderArgs[end].startsWith('-')) end++;
    if (!builderArgs.slice(i + 1, end).includes('dir')) args.push('dir');
  }
  return args;
}

/** electron-builder's output folder: `-c.directories.output=` if given, else electron-builder.yml's `release`. */
export function outputDir(builderArgs) {
  const override = builderArgs.find((arg) => arg.startsWith('-c.directories.output='));
  return override ? override.slice('-c.directories.output='.length) : 'release';
}
