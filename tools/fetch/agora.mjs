// `npm run fetch:agora`: downloads the Agora native SDK (skipped by `npm ci`), needed only for Agora calls with
// `calls.agoraSdk: native` on Windows and macOS (docs/calls.md); recording never needs it.
import { createRequire } from 'node:module';
import path from 'node:path';
import { fetchOrExplain } from '../lib/fetch-or-explain.mjs';
import { projectRoot } from '../lib/run.mjs';

const require = createRequire(import.meta.url);
const dir = path.dirname(require.resolve('agora-electron-sdk/package.json'));
// gulp exports neither its bin nor package.json: find the bin beside its main file.
const gulp = path.join(path.dirname(require.resolve('gulp', { paths: [dir] })), 'bin', 'gulp.js');

fetchOrExplain({
  what: 'the Agora Electron SDK native build',
  command: process.execPath,
  args: [gulp, 'NPM_Install', `--INIT_CWD=${projectRoot}`],
  cwd: dir,
  env: { INIT_CWD: projectRoot },
  howToSupply:
    "The Agora SDK downloads its prebuilt native addon from Agora's CDN for this Electron version. From a machine that " +
    'reaches it, run `npm run fetch:agora` and copy node_modules/agora-electron-sdk/build here, or build it from source ' +
    '(`npm run totalBuild` in node_modules/agora-electron-sdk; needs cmake-js and Electron headers).',
});
