// `npm run demo -- --live --interviewer` runs two apps, the candidate's and the interviewer's, as two computers
// would: each its own data folder, both the same development backend (the call server, the Agora cloud recording)
// and the same bucket. npm start would start a backend and a local S3 per app, so the demo starts one of each here
// and gives both apps their environment (npm start then starts none).
import path from 'node:path';
import { startDevBackend } from '../dev-backend';
import { startLocalS3 } from '../lib/local-s3.mjs';
import { NO_DEV_BACKEND } from './live-peer';

const BACKEND_VARIABLES = ['IREC_AGORA_URL', 'IREC_LIVEKIT_URL', 'IREC_MEDIA_API_URL'];

export interface SharedServices {
  /** What points an app at them: the backend's variables, and the local S3's unless IREC_S3_BUCKET names a bucket. */
  env: Record<string, string>;
  backendUrl: string;
  close(): Promise<void>;
}

export async function startSharedServices(dir: string): Promise<SharedServices> {
  if (BACKEND_VARIABLES.some((name) => process.env[name]) || process.env.IREC_DEV_BACKEND === '0') throw new Error(NO_DEV_BACKEND);
  // The backend keeps its result files in an S3 in any case, like npm start's; the apps upload to it unless told otherwise.
  const s3 = await startLocalS3({ directory: path.join(dir, 'local-s3') });
  const backend = await startDevBackend({ dataDir: path.join(dir, 'dev-backend'), s3: s3.connection }).catch(async (error: unknown) => {
    await s3.close();
    throw error;
  });
  const ownBucket = process.env.IREC_S3_BUCKET || process.env.IREC_LOCAL_S3 === '0';
  return {
    env: { ...(ownBucket ? {} : s3.env), ...backend.env },
    backendUrl: backend.url,
    async close() {
      await backend.close();
      await s3.close();
    },
  };
}
