// `node dist/dev-backend/main.cjs`: runs the dev backend on its own, for people and for tests in other processes.
// Without --s3-endpoint it also starts the repo's local S3 (s3rver) in <data-dir>/local-s3. Ctrl+C closes both.
import path from 'node:path';
import { parseArgs } from 'node:util';
import { LOCAL_S3_KEY, startLocalS3 } from '../lib/local-s3.mjs';
import { startDevBackend } from './index';

const HELP = `Usage: node dist/dev-backend/main.cjs [options]

Local development backend imitating the Agora, LiveKit and Media Recording APIs.

  --port <n>             port on 127.0.0.1 (default 8000; 0 = any free port)
  --data-dir <dir>       state and media chunks (default .cache/dev-backend); a restart keeps every session
  --s3-endpoint <url>    S3 to put result files into (default: start a local S3 in <data-dir>/local-s3)
  --s3-bucket <name>     bucket at --s3-endpoint (required with it)
  --s3-region <region>   default us-east-1
  --token <token>        accepted LiveKit bearer token (repeatable; default dev-token)
  -h, --help             this text

Credentials for --s3-endpoint come from AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY (default: the local S3's keys).
Control API: GET /__dev/health, GET|DELETE /__dev/requests, GET|POST|DELETE /__dev/faults (see tools/dev-backend/README.md).
`;

function fail(message: string): never {
  console.error(`dev-backend: ${message}\n\n${HELP}`);
  process.exit(2);
}

async function main(): Promise<void> {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        port: { type: 'string', default: '8000' },
        'data-dir': { type: 'string', default: path.join('.cache', 'dev-backend') },
        's3-endpoint': { type: 'string' },
        's3-bucket': { type: 'string' },
        's3-region': { type: 'string', default: 'us-east-1' },
        token: { type: 'string', multiple: true },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (error) {
    fail((error as Error).message);
  }
  if (values.help) return void console.log(HELP);
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) fail(`--port must be 0..65535, not ${values.port}`);
  if (values['s3-endpoint'] && !values['s3-bucket']) fail('--s3-bucket is required with --s3-endpoint');
  const dataDir = path.resolve(values['data-dir']);

  const localS3 = values['s3-endpoint'] ? null : await startLocalS3({ directory: path.join(dataDir, 'local-s3') });
  const s3 = localS3
    ? localS3.connection
    : {
        endpoint: values['s3-endpoint']!,
        bucket: values['s3-bucket']!,
        region: values['s3-region'],
        accessKeyId: process.env.AWS_ACCESS_KEY_ID ?? LOCAL_S3_KEY,
        secretAccessKey: process.env.AWS_SECRET_ACCESS_KEY ?? LOCAL_S3_KEY,
      };
  const backend = await startDevBackend({ port, dataDir, s3, ...(values.token && { livekitTokens: values.token }) });

  console.log(`Dev backend at ${backend.url} (state in ${dataDir})`);
  console.log(`  Agora    ${backend.agoraUrl}`);
  console.log(`  LiveKit  ${backend.livekitUrl}  (Authorization: Bearer ${backend.token})`);
  console.log(`  Media    ${backend.mediaApiUrl}`);
  console.log(`  Files    ${s3.endpoint}/${s3.bucket}${localS3 ? ` (local S3, files in ${localS3.directory})` : ''}`);
  console.log('\nEnvironment for the app:');
  for (const [name, value] of Object.entries({ ...backend.env, ...localS3?.env })) console.log(`${name}=${value}`);
  console.log('\nCtrl+C stops.');

  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await backend.close();
    await localS3?.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}

main().catch((error: unknown) => {
  console.error('dev-backend:', error instanceof Error ? error.message : error);
  process.exit(1);
});
