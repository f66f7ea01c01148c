// `npm run native:electron`: builds better-sqlite3 for Electron's ABI into build/electron-v<abi>/, keeping the
// Node build in build/Release, so tests (Node) and the app (Electron) never rebuild back and forth.
import fs from 'node:fs';
import path from 'node:path';
import { electronAbi, electronVersion } from '../lib/electron.mjs';
import { fail, log } from '../lib/run.mjs';
import { compile, electronBuild, nodeBuild } from './sqlite.mjs';

if (!process.argv.includes('electron'))
  fail('Usage: node tools/native/build.mjs --runtime electron', 'Node builds come from tools/native/ensure.mjs.');

const version = electronVersion();
const abi = electronAbi();
const target = electronBuild(abi);

const saved = `${nodeBuild}.node-abi`;
if (fs.existsSync(nodeBuild)) fs.copyFileSync(nodeBuild, saved);
log(`Building better-sqlite3 for Electron ${version} (ABI ${abi})…`);
const headers = process.env.ELECTRON_HEADERS_URL || 'https://electronjs.org/headers';
const status = compile([`--target=${version}`, `--dist-url=${headers}`, `--arch=${process.arch}`]);
let built = false;
if (status === 0 && fs.existsSync(nodeBuild)) {
  fs.mkdirSync(path.dirname(target), { recursive: true });
  fs.copyFileSync(nodeBuild, target);
  built = true;
}
if (fs.existsSync(saved)) fs.renameSync(saved, nodeBuild); // the Node build is back in place either way
if (!built) {
  fail(
    `better-sqlite3 could not be built for Electron ${version}.`,
    `It needs Electron's headers from ${headers}: set ELECTRON_HEADERS_URL to a reachable mirror, then run \`npm run native:electron\`.`,
  );
}
log(`Electron build: ${target}`);
