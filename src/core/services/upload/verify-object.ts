import { HeadObjectCommand } from '@aws-sdk/client-s3';
import { AppError } from '../../errors/app-error';
import { multipartEtag } from './part-bytes';
import type { S3Target } from './s3-target';

/** The bucket holds something other than the local file under the key (the job then starts the upload again). */
export class ObjectMismatchError extends AppError {
  constructor(message: string) {
    super('BACKEND_ERROR', message, { retryable: true });
  }
}

export interface VerifiedObject {
  etag: string;
  /** What besides the size was compared. */
  checked: 'multipart-md5' | 'md5' | 'size';
}

/**
 * Compares the object in the bucket with the local file: the size always; the ETag when it is an MD5 S3 computed
 * over the bytes (not under SSE-KMS, where it is opaque). AWS builds a multipart ETag from the part MD5s; some
 * S3-compatible stores give the whole object's MD5 instead, which is then computed from the file.
 */
export async function verifyObject(
  target: S3Target,
  object: { key: string; size: number; partMd5s: readonly string[]; fileMd5: () => Promise<string> },
  signal?: AbortSignal,
): Promise<VerifiedObject> {
  const head = await target.client.send(new HeadObjectCommand({ Bucket: target.bucket, Key: object.key }), { abortSignal: signal });
  if (head.ContentLength !== object.size) {
    throw new ObjectMismatchError(`The bucket holds ${head.ContentLength} bytes for ${object.key}, the local file has ${object.size}.`);
  }
  const etag = (head.ETag ?? '').replace(/"/g, '').toLowerCase();
  if (target.settings.serverSideEncryption === 'aws:kms') return { etag, checked: 'size' };
  if (/^[0-9a-f]{32}-\d+$/.test(etag)) {
    if (etag !== multipartEtag(object.partMd5s)) throw new ObjectMismatchError(`The ETag of ${object.key} does not match the parts sent.`);
    return { etag, checked: 'multipart-md5' };
  }
  if (/^[0-9a-f]{32}$/.test(etag)) {
    if (etag !== (await object.fileMd5()))
      throw new ObjectMismatchError(`The MD5 of ${object.key} in the bucket differs from the local file.`);
    return { etag, checked: 'md5' };
  }
  return { etag, checked: 'size' };
}
