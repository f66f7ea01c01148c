export const LOCAL_S3_BUCKET: string;
export const LOCAL_S3_KEY: string;
export interface LocalS3 {
  endpoint: string;
  bucket: string;
  directory: string;
  env: Record<string, string>;
  connection: {
    endpoint: string;
    bucket: string;
    region: string;
    accessKeyId: string;
    secretAccessKey: string;
    forcePathStyle: boolean;
  };
  close(): Promise<void>;
}
export function startLocalS3(options: { directory: string; port?: number; bucket?: string }): Promise<LocalS3>;
