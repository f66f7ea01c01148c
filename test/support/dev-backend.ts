import { onTestFinished } from 'vitest';
import type { LocalS3 } from '../../tools/lib/local-s3.mjs';
import { startDevBackend, type DevBackend, type DevBackendOptions } from '../../tools/dev-backend';
import { localS3 } from './local-s3';
import { tempDir } from './temp-dir';

export interface TestBackend {
  s3: LocalS3;
  /** The running server; replaced by `restart()`. */
  backend: DevBackend;
  /** The backend goes away (connections refused) until `restart()`. */
  stop(): Promise<void>;
  /** Up again on the same port with the same state folder, as after a backend deploy or crash. */
  restart(): Promise<DevBackend>;
}

/** The local development backend over a real local S3, in temp folders, closed when the test ends. */
export async function devBackend(options: Partial<Omit<DevBackendOptions, 's3' | 'dataDir'>> = {}): Promise<TestBackend> {
  const s3 = await localS3();
  const dataDir = tempDir('irec-dev-backend-');
  const start = (port?: number) =>
    startDevBackend({
      ...options,
      port,
      dataDir,
      s3: s3.connection,
    });
  const handle: TestBackend = {
    s3,
    backend: await start(options.port),
    stop: () => handle.backend.close(),
    async restart() {
      handle.backend = await start(Number(new URL(handle.backend.url).port));
      return handle.backend;
    },
  };
  onTestFinished(() => handle.backend.close());
  return handle;
}

/** What the backend received on one route, newest last. */
export function received(backend: DevBackend, method: string, pathStart: string) {
  return backend.requests().filter((request) => request.method === method && request.path.startsWith(pathStart));
}
