import { S3Client, type ServerSideEncryption } from '@aws-sdk/client-s3';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import type { Config } from '../../../shared/config/schema';

/** Where uploads go and how: the bucket, the client and the settings every job needs. */
export interface S3Target {
  client: S3Client;
  bucket: string;
  /** Shown in messages; the AWS endpoint when none is configured. */
  endpoint?: string;
  sse?: { ServerSideEncryption: ServerSideEncryption; SSEKMSKeyId?: string };
  settings: Config['s3'];
}

export type S3TargetState = { ok: true; target: S3Target } | { ok: false; reason: string };

/**
 * Builds the S3 client from configuration. Credentials come from `s3.credentials` when set, else from the AWS
 * default chain (environment, shared profile, SSO, web identity, instance role), whose temporary credentials the
 * SDK refreshes before they expire. The SDK's own retries are off: the queue retries per part and persists it.
 */
export function createS3Target(settings: Config['s3']): S3TargetState {
  if (!settings.bucket)
    return { ok: false, reason: 'No S3 bucket is configured (s3.bucket or IREC_S3_BUCKET); recordings stay on this computer.' };
  const { accessKeyId, secretAccessKey, sessionToken } = settings.credentials;
  if (Boolean(accessKeyId) !== Boolean(secretAccessKey)) {
    return {
      ok: false,
      reason: 's3.credentials needs both accessKeyId and secretAccessKey (or neither, to use the AWS credential chain).',
    };
  }
  const client = new S3Client({
    region: settings.region,
    endpoint: settings.endpoint,
    forcePathStyle: settings.forcePathStyle,
    credentials: accessKeyId && secretAccessKey ? { accessKeyId, secretAccessKey, sessionToken } : undefined,
    maxAttempts: 1,
    // Parts carry Content-MD5; the SDK's default CRC32 trailers are not understood by every S3-compatible store.
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
    // A stalled connection (no bytes either way for 30 s) is abandoned and the part retried.
    requestHandler: new NodeHttpHandler({ connectionTimeout: 10_000, socketTimeout: 30_000 }),
  });
  const sse =
    settings.serverSideEncryption === 'none'
      ? undefined
      : { ServerSideEncryption: settings.serverSideEncryption as ServerSideEncryption, SSEKMSKeyId: settings.kmsKeyId };
  return { ok: true, target: { client, bucket: settings.bucket, endpoint: settings.endpoint, sse, settings } };
}
