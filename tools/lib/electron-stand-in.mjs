// A stand-in for Electron's runtime folder, for tests of packaging where Electron cannot be downloaded: its
// binaries are not Electron, they only carry what electron-builder edits (the fuse wire; on Windows a PE with
// a version resource). The marker file makes tools/package.mjs refuse it, so it can never be signed or shipped.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

export const STAND_IN_MARKER = 'ELECTRON-STAND-IN.txt';
export const FUSE_SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';

// Electron's own defaults, in @electron/fuses' FuseV1Options order: RunAsNode on, cookie encryption off,
// NODE_OPTIONS on, --inspect on, ASAR integrity off, only-app.asar off, browser V8 snapshot off, file:// privileges on.
export const ELECTRON_DEFAULT_FUSES = '10110001';

const MARKER_TEXT = `This folder is an Electron STAND-IN made for tests (tools/lib/electron-stand-in.mjs).
Its binaries are not Electron: they only carry the fuse sentinel and, on Windows, a version resource.
Never sign, package for release or ship anything made from it; tools/package.mjs refuses it.
`;

/** The fuse wire as Electron lays it out: sentinel, wire version 1, number of fuses, one ASCII '0'/'1' each. */
function fuseWire(fuses = ELECTRON_DEFAULT_FUSES) {
  return Buffer.concat([Buffer.from(FUSE_SENTINEL, 'latin1'), Buffer.from([1, fuses.length]), Buffer.from(fuses, 'latin1')]);
}

/** A shell script that says what it is and exits 1, followed by the fuse wire (never reached by sh). */
function linuxBinary() {
  const script = '#!/bin/sh\necho "Electron stand-in for packaging tests: not Electron, nothing to run." >&2\nexit 1\n';
  return Buffer.concat([Buffer.from(script), fuseWire()]);
}

/**
 * An empty PE (no code) with the one-language version resource electron-builder rewrites, and the fuse wire as
 * data after its sections. Built with the same resedit electron-builder uses to read it back.
 */
function windowsBinary() {
  const requireFromBuilder = createRequire(createRequire(import.meta.url).resolve('app-builder-lib/package.json'));
  const { NtExecutable, NtExecutableResource, Resource } = requireFromBuilder('resedit');
  const executable = NtExecutable.createEmpty(false, false);
  const resource = NtExecutableResource.from(executable);
  const version = Resource.VersionInfo.createEmpty();
  const language = { lang: 1033, codepage: 1200 };
  version.setFileVersion(0, 0, 0, 0, language.lang);
  version.setStringValues(language, { ProductName: 'Electron stand-in (not Electron)', FileDescription: 'stand-in for tests' });
  version.outputToResourceEntries(resource.entries);
  resource.outputResource(executable);
  executable.setExtraData(fuseWire());
  return Buffer.from(executable.generate());
}

/** Creates `<parent>/electron-stand-in` with the Linux and Windows binaries and the marker; returns its path. */
export function createElectronStandIn(parent) {
  const dir = path.join(parent, 'electron-stand-in');
  fs.mkdirSync(path.join(dir, 'resources'), { recursive: true });
  fs.writeFileSync(path.join(dir, STAND_IN_MARKER), MARKER_TEXT);
  fs.writeFileSync(path.join(dir, 'LICENSE'), 'Stand-in for tests; no Electron code.\n');
  fs.writeFileSync(path.join(dir, 'electron'), linuxBinary(), { mode: 0o755 });
  fs.writeFileSync(path.join(dir, 'electron.exe'), windowsBinary());
  return dir;
}

export const isElectronStandIn = (dir) => fs.existsSync(path.join(dir, STAND_IN_MARKER));
