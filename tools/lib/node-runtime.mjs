// Which Node the project's scripts run on. The app's main process runs on the Node that its Electron release
// bundles, so the CLI, the tests and the browser host run on that major too: `npm ci` installs it from the npm
// registry as node-<platform>-<arch> (optionalDependencies; npm links it as node_modules/.bin/node, which npm puts
// first on PATH for every script). Electron declares its Node through its own @types/node dependency.
import fs from 'node:fs';
import path from 'node:path';
import { electronDir, electronVersion } from './electron.mjs';

export const majorOf = (version) => Number(/^v?(\d+)/.exec(version)?.[1]);

/** The Node major of the Electron release in package.json (its @types/node range, e.g. "^24.9.0" → 24). */
export function electronNodeMajor() {
  const manifest = JSON.parse(fs.readFileSync(path.join(electronDir, 'package.json'), 'utf8'));
  return majorOf(String(manifest.dependencies?.['@types/node'] ?? '').replace(/^[^\d]*/, ''));
}

/** Node's major from the headers under `prefix` (include/node/node_version.h), or null when there are none. */
export function headersMajor(prefix) {
  const header = path.join(prefix, 'include', 'node', 'node_version.h');
  if (!fs.existsSync(header)) return null;
  const match = /#define NODE_MAJOR_VERSION (\d+)/.exec(fs.readFileSync(header, 'utf8'));
  return match ? Number(match[1]) : null;
}

/** One line for logs: the Node that runs and whether it is the one Electron bundles. */
export function describeNode() {
  const running = process.versions.node;
  const wanted = electronNodeMajor();
  const verdict = majorOf(running) === wanted ? 'the major Electron' : `not ${wanted}, the major Electron`;
  return `Node ${running} (${verdict} ${electronVersion()} bundles)`;
}

/** True when this process runs on the Node major that Electron bundles. */
export const onElectronNode = () => majorOf(process.versions.node) === electronNodeMajor();

/** The Node binary npm installed for this platform (node-<platform>-<arch>), or null when none was. */
export function projectNodeBinary() {
  const names = { darwin: 'darwin', linux: 'linux', win32: 'win' };
  const candidates = [`node-${names[process.platform]}-${process.arch}`, `node-bin-${names[process.platform]}-${process.arch}`];
  for (const name of candidates) {
    const dir = path.join(path.dirname(electronDir), name);
    const manifest = path.join(dir, 'package.json');
    if (!fs.existsSync(manifest)) continue;
    const bin = JSON.parse(fs.readFileSync(manifest, 'utf8')).bin;
    const binary = path.join(dir, typeof bin === 'string' ? bin : (bin?.node ?? ''));
    if (fs.existsSync(binary)) return binary;
  }
  return null;
}
