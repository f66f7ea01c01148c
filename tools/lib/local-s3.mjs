// A local S3 for development, demos and tests: s3rver on loopback, one bucket, its fixed development keys.
// It speaks SigV4 and multipart uploads, but not ListParts or AbortMultipartUpload (the queue copes).
import S3rver from 's3rver';

export const LOCAL_S3_BUCKET = 'interview-recordings';
export const LOCAL_S3_KEY = 'S3RVER';

export async function startLocalS3({ directory, port = 0, bucket = LOCAL_S3_BUCKET }) {
  const server = new S3rver({ address: '127.0.0.1', port, silent: true, directory, configureBuckets: [{ name: bucket }] });
  const address = await server.run();
  const endpoint = `http://127.0.0.1:${address.port}`;
  return {
    endpoint,
    bucket,
    directory,
    /** What points the app (and the AWS default credential chain) at it. */
    env: {
      IREC_S3_BUCKET: bucket,
      IREC_S3_ENDPOINT: endpoint,
      IREC_S3_FORCE_PATH_STYLE: 'true',
      IREC_S3_REGION: 'us-east-1',
      AWS_ACCESS_KEY_ID: LOCAL_S3_KEY,
      AWS_SECRET_ACCESS_KEY: LOCAL_S3_KEY,
    },
    /** What points the development backend at it (path-style, the fixed keys). */
    connection: { endpoint, bucket, region: 'us-east-1', accessKeyId: LOCAL_S3_KEY, secretAccessKey: LOCAL_S3_KEY, forcePathStyle: true },
    close: () => server.close(),
  };
}
