// Where better-sqlite3's builds live and how to compile them with node-gyp (npm's own copy), for Node's ABI
// into build/Release and for Electron's into build/electron-v<abi>, side by side.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { run } from '../lib/run.mjs';

const require = createRequire(import.meta.url);
export const sqliteDir = path.dirname(require.resolve('better-sqlite3/package.json'));
export const nodeBuild = path.join(sqliteDir, 'build', 'Release', 'better_sqlite3.node');
export const electronBuild = (abi) => path.join(sqliteDir, 'build', `electron-v${abi}`, 'better_sqlite3.node');

/** True when the Node build exists and really opens a database in this Node. */
export function nodeBuildLoads() {
  if (!fs.existsSync(nodeBuild)) return false;
  const probe = spawnSync(process.execPath, ['-e', "new (require('better-sqlite3'))(':memory:').prepare('select 1').get()"], {
    cwd: path.dirname(sqliteDir),
    stdio: 'ignore',
  });
  return probe.status === 0;
}

function nodeGypScript() {
  const candidates = [
    process.env.npm_config_node_gyp,
    path.join(path.dirname(process.execPath), '..', 'lib', 'node_modules', 'npm', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js'),
  ].filter(Boolean);
  return candidates.find((file) => fs.existsSync(file));
}

/** Node's own headers when installed beside it (Debian, nvm, official tarballs): no headers download needed. */
function localNodeDir() {
  const prefix = process.env.npm_config_nodedir || path.resolve(path.dirname(process.execPath), '..');
  return fs.existsSync(path.join(prefix, 'include', 'node', 'node.h')) ? prefix : null;
}

/** Compiles better-sqlite3 in place; `runtimeArgs` select another runtime's headers. Returns the exit status. */
export function compile(runtimeArgs = null) {
  const gyp = nodeGypScript();
  if (!gyp) return null;
  const nodeDir = localNodeDir();
  const headers = runtimeArgs ?? (nodeDir ? [`--nodedir=${nodeDir}`] : []);
  return run(process.execPath, [gyp, 'rebuild', '--release', ...headers], { cwd: sqliteDir });
}
