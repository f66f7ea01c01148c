import { GetObjectCommand, HeadObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { createHash } from 'node:crypto';
import { onTestFinished } from 'vitest';
import { LOCAL_S3_KEY, startLocalS3, type LocalS3 } from '../../tools/lib/local-s3.mjs';
import { tempDir } from './temp-dir';

/** A real S3-protocol server (s3rver) on loopback for one test, removed when the test ends. */
export async function localS3(): Promise<LocalS3> {
  const s3 = await startLocalS3({ directory: tempDir('irec-s3-') });
  onTestFinished(() => s3.close());
  return s3;
}

/** Where a bucket is: a local S3 this process started, or one another process (`npm start`) runs. */
export type BucketAddress = Pick<LocalS3, 'endpoint' | 'bucket'>;

/** A plain client straight to the server (not through any proxy), for asserting on what the bucket holds. */
export function directClient(s3: BucketAddress): S3Client {
  return new S3Client({
    region: 'us-east-1',
    endpoint: s3.endpoint,
    forcePathStyle: true,
    credentials: { accessKeyId: LOCAL_S3_KEY, secretAccessKey: LOCAL_S3_KEY },
  });
}

export async function objectBytes(s3: BucketAddress, key: string): Promise<Uint8Array> {
  const object = await directClient(s3).send(new GetObjectCommand({ Bucket: s3.bucket, Key: key }));
  return object.Body!.transformToByteArray();
}

export const sha256Of = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

/** sha256 and size of an object as stored. */
export async function objectDigest(s3: BucketAddress, key: string): Promise<{ sha256: string; size: number }> {
  const bytes = await objectBytes(s3, key);
  return { sha256: sha256Of(bytes), size: bytes.byteLength };
}

export async function objectExists(s3: BucketAddress, key: string): Promise<boolean> {
  return directClient(s3)
    .send(new HeadObjectCommand({ Bucket: s3.bucket, Key: key }))
    .then(() => true)
    .catch(() => false);
}

export { s3Settings } from './local-s3-settings';
