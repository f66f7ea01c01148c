// `npm start`: builds, then runs the desktop app in Electron when its runtime is installed; otherwise says
// so in one line and runs the same UI and handlers in the browser host. Unless an S3 bucket is configured in the
// environment (or IREC_LOCAL_S3=0), it also starts a local S3 on loopback and points the app at it; unless a
// backend URL is (or IREC_DEV_BACKEND=0), the local development backend (Agora, LiveKit, Media API) likewise.
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { electronAbi, electronBinary } from './lib/electron.mjs';
import { fail, log, projectRoot, run, runForeground } from './lib/run.mjs';
import { startLocalS3 } from './lib/local-s3.mjs';
import { electronBuild } from './native/sqlite.mjs';

const node = process.execPath;
const forwarded = process.argv.slice(2);

if (run(node, ['tools/native/ensure.mjs']) !== 0) process.exit(1);
if (run(node, ['tools/build.mjs']) !== 0) fail('The build failed.', 'Fix the errors above and run `npm start` again.');

const devDataDir = process.env.IREC_DATA_DIR ?? path.join(projectRoot, '.cache');
let localS3;

/** The development S3: data beside the app's data folder, or in .cache/ of the project. */
async function startDevS3() {
  localS3 ??= await startLocalS3({ directory: path.join(devDataDir, 'local-s3') });
  return localS3;
}

async function localS3Env() {
  if (process.env.IREC_S3_BUCKET || process.env.IREC_LOCAL_S3 === '0') return {};
  const s3 = await startDevS3();
  log(`Local S3 for development at ${s3.endpoint}, bucket ${s3.bucket} (files in ${s3.directory}); IREC_LOCAL_S3=0 turns it off.`);
  return s3.env;
}

const BACKEND_VARIABLES = ['IREC_AGORA_URL', 'IREC_LIVEKIT_URL', 'IREC_MEDIA_API_URL'];

/** The development backend imitating all three backend contracts, its result files in the development S3. */
async function devBackendEnv() {
  if (BACKEND_VARIABLES.some((name) => process.env[name]) || process.env.IREC_DEV_BACKEND === '0') return {};
  const s3 = await startDevS3();
  const { startDevBackend } = await import(pathToFileURL(path.join(projectRoot, 'dist/dev-backend/index.cjs')).href);
  const backend = await startDevBackend({
    dataDir: path.join(devDataDir, 'dev-backend'),
    s3: {
      endpoint: s3.endpoint,
      bucket: s3.bucket,
      region: 'us-east-1',
      accessKeyId: s3.env.AWS_ACCESS_KEY_ID,
      secretAccessKey: s3.env.AWS_SECRET_ACCESS_KEY,
      forcePathStyle: true,
    },
  });
  log(`Development backend (Agora, LiveKit, Media Recording API) at ${backend.url}; IREC_DEV_BACKEND=0 turns it off.`);
  return backend.env;
}
const env = { ...process.env, ...(await localS3Env()), ...(await devBackendEnv()) };

const electron = process.env.IREC_BROWSER_HOST ? null : electronBinary();
if (electron) {
  if (!fs.existsSync(electronBuild(electronAbi())) && run(node, ['tools/native/build.mjs', '--runtime', 'electron']) !== 0) process.exit(1);
  runForeground(electron, [projectRoot, ...forwarded], env);
} else {
  log(
    process.env.IREC_BROWSER_HOST
      ? 'IREC_BROWSER_HOST is set — running the browser host.'
      : 'Electron runtime not installed (npm run fetch:electron to get it) — running the browser host instead.',
  );
  runForeground(node, ['dist/host/main.cjs', ...forwarded], env);
}
