// `npm start`: builds, then runs the desktop app in Electron when its runtime is installed; otherwise says
// so in one line and runs the same UI and handlers in the browser host.
import fs from 'node:fs';
import { electronAbi, electronBinary } from './lib/electron.mjs';
import { fail, log, projectRoot, run, runForeground } from './lib/run.mjs';
import { electronBuild } from './native/sqlite.mjs';

const node = process.execPath;
const forwarded = process.argv.slice(2);

if (run(node, ['tools/native/ensure.mjs']) !== 0) process.exit(1);
if (run(node, ['tools/build.mjs']) !== 0) fail('The build failed.', 'Fix the errors above and run `npm start` again.');

const electron = process.env.IREC_BROWSER_HOST ? null : electronBinary();
if (electron) {
  if (!fs.existsSync(electronBuild(electronAbi())) && run(node, ['tools/native/build.mjs', '--runtime', 'electron']) !== 0) process.exit(1);
  runForeground(electron, [projectRoot, ...forwarded]);
} else {
  log(
    process.env.IREC_BROWSER_HOST
      ? 'IREC_BROWSER_HOST is set — running the browser host.'
      : 'Electron runtime not installed (npm run fetch:electron to get it) — running the browser host instead.',
  );
  runForeground(node, ['dist/host/main.cjs', ...forwarded]);
}
