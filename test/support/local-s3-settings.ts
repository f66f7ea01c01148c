// No vitest import here: benchmarks use it too.
import { LOCAL_S3_KEY, type LocalS3 } from '../../tools/lib/local-s3.mjs';

/** The config flags (`--set`) that point a core at a bucket through `endpoint` (e.g. a fault proxy). */
export function s3Settings(s3: LocalS3, endpoint = s3.endpoint, extra: Record<string, unknown> = {}): string[] {
  const settings: Record<string, unknown> = {
    's3.bucket': s3.bucket,
    's3.endpoint': endpoint,
    's3.forcePathStyle': true,
    's3.credentials.accessKeyId': LOCAL_S3_KEY,
    's3.credentials.secretAccessKey': LOCAL_S3_KEY,
    ...extra,
  };
  return Object.entries(settings).map(([key, value]) => `${key}=${typeof value === 'string' ? value : JSON.stringify(value)}`);
}
