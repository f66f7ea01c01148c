// The local development backend: one loopback HTTP server imitating the three backends the app talks to (Agora
// cloud recording, LiveKit egress recording, the chunk-upload Media API), storing result files in an S3 bucket.
// Embedded by `npm start`, `npm run demo` and the tests; `main.ts` runs it on its own.
import type { AddressInfo } from 'node:net';
import { agoraBackend } from './agora-routes';
import { Background } from './background';
import type { DevContext } from './context';
import { Faults } from './faults';
import { livekitBackend } from './livekit-routes';
import { mediaBackend } from './media-routes';
import { ObjectStore } from './object-store';
import { SampleMedia } from './sample-media';
import { createDevServer } from './server';
import { StateStore } from './state-store';
import type { DevBackend, DevBackendOptions } from './types';

export type { DevBackend, DevBackendOptions, Fault, FaultMode, LoggedRequest, S3Options } from './types';

export async function startDevBackend(options: DevBackendOptions): Promise<DevBackend> {
  const livekitTokens = options.livekitTokens?.length ? options.livekitTokens : ['dev-token'];
  const ctx: DevContext = {
    dataDir: options.dataDir,
    store: new StateStore(options.dataDir),
    objects: new ObjectStore(options.s3),
    samples: new SampleMedia(options.dataDir, options.ffmpegPath ?? 'ffmpeg'),
    faults: new Faults(),
    background: new Background(),
    livekitTokens,
    mediaSites: options.mediaSites ?? ['localhost', 'interview-recorder.local'],
    livekitProcessingMs: options.livekitProcessingMs ?? 1500,
    mediaProcessingMs: options.mediaProcessingMs ?? 500,
    rateWindowMs: options.rateWindowMs ?? 60_000,
  };
  const dev = createDevServer([agoraBackend(ctx), livekitBackend(ctx), mediaBackend(ctx)], ctx.faults);
  const { server } = dev;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const agoraUrl = `${url}/api/agora`;
  const livekitUrl = `${url}/api/recording`;
  const mediaApiUrl = `${url}/api/media`;
  const token = livekitTokens[0]!;
  let closing: Promise<void> | undefined;

  return {
    url,
    agoraUrl,
    livekitUrl,
    mediaApiUrl,
    token,
    env: {
      IREC_AGORA_URL: agoraUrl,
      IREC_LIVEKIT_URL: livekitUrl,
      IREC_LIVEKIT_TOKEN: token,
      IREC_MEDIA_API_URL: mediaApiUrl,
      IREC_MEDIA_API_SITE: ctx.mediaSites[0]!,
    },
    requests: dev.requests,
    clearRequests: dev.clearRequests,
    setFault: (fault) => ctx.faults.set(fault),
    clearFaults: () => ctx.faults.clear(),
    close() {
      closing ??= (async () => {
        const stopped = new Promise<void>((resolve) => server.close(() => resolve()));
        // Idle keep-alive sockets would hold close() open for seconds; in-flight answers are cut like a crash would.
        server.closeAllConnections();
        await stopped;
        await ctx.background.close();
        ctx.objects.close();
      })();
      return closing;
    },
  };
}
