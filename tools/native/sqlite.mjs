// Where better-sqlite3's builds live and how to compile them with node-gyp (npm's own copy), for Node's ABI
// into build/Release and for Electron's into build/electron-v<abi>, side by side.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { headersMajor, majorOf } from '../lib/node-runtime.mjs';
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
  const npmCli = process.env.npm_execpath;
  const candidates = [
    process.env.npm_config_node_gyp,
    // npm's own copy, beside the npm that runs the script (which is not beside this Node when it is the project's)
    npmCli && path.join(path.dirname(npmCli), '..', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js'),
    path.join(path.dirname(process.execPath), '..', 'lib', 'node_modules', 'npm', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js'),
  ].filter(Boolean);
  return candidates.find((file) => fs.existsSync(file));
}

/**
 * This Node's own headers: beside its binary (the npm registry's node-<platform> packages, Debian, nvm, official
 * tarballs), or npm's `nodedir` when that is the same major; no headers download needed. npm's `nodedir` may name
 * the system Node's headers, which are the wrong ones for the project's Node.
 */
function localNodeDir() {
  const major = majorOf(process.versions.node);
  const candidates = [path.resolve(path.dirname(process.execPath), '..'), process.env.npm_config_nodedir].filter(Boolean);
  return candidates.find((prefix) => headersMajor(prefix) === major) ?? null;
}

/** Compiles better-sqlite3 in place; `runtimeArgs` select another runtime's headers. Returns the exit status. */
export function compile(runtimeArgs = null) {
  const gyp = nodeGypScript();
  if (!gyp) return null;
  const nodeDir = localNodeDir();
  const headers = runtimeArgs ?? (nodeDir ? [`--nodedir=${nodeDir}`] : []);
  // better-sqlite3 13 also ships prebuilt binaries and skips compiling when one fits; we compile its sources here.
  return run(process.execPath, [gyp, 'rebuild', '--release', '--force_build=1', ...headers], { cwd: sqliteDir });
}
