// Puts result files (Agora recordings, LiveKit egress files, merged Media API videos) into the S3 bucket the way
// the real backends' storage does, and says where they can be fetched: path-style `${endpoint}/${bucket}/${key}`.
import { DeleteObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import fs from 'node:fs';
import type { S3Options } from './types';

export class ObjectStore {
  private readonly client: S3Client;
  readonly bucket: string;
  readonly region: string;
  /** Public base without a trailing slash: `${endpoint}/${bucket}`. */
  readonly baseUrl: string;

  constructor(s3: S3Options) {
    this.bucket = s3.bucket;
    this.region = s3.region;
    this.baseUrl = `${s3.endpoint.replace(/\/+$/, '')}/${s3.bucket}`;
    this.client = new S3Client({
      region: s3.region,
      endpoint: s3.endpoint,
      forcePathStyle: s3.forcePathStyle ?? true,
      credentials: { accessKeyId: s3.accessKeyId, secretAccessKey: s3.secretAccessKey },
      // The SDK's default CRC32 trailers (aws-chunked bodies) are not understood by every S3-compatible store:
      // s3rver would keep the chunk framing as part of the object.
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
    });
  }

  /** Keys may hold room names like `!room:example.com`: each path segment is percent-encoded in the URL. */
  publicUrl(key: string): string {
    return `${this.baseUrl}/${key.split('/').map(encodeURIComponent).join('/')}`;
  }

  async put(key: string, body: Uint8Array | string, contentType: string): Promise<string> {
    await this.client.send(new PutObjectCommand({ Bucket: this.bucket, Key: key, Body: body, ContentType: contentType }));
    return this.publicUrl(key);
  }

  /** Streams a file from disk (merged videos may be large). */
  async putFile(key: string, file: string, contentType: string): Promise<string> {
    const size = fs.statSync(file).size;
    const body = fs.createReadStream(file);
    await this.client.send(
      new PutObjectCommand({ Bucket: this.bucket, Key: key, Body: body, ContentLength: size, ContentType: contentType }),
    );
    return this.publicUrl(key);
  }

  async delete(key: string): Promise<void> {
    await this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: key }));
  }

  close(): void {
    this.client.destroy();
  }
}
