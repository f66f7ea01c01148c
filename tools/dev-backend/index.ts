// The local development backend: one loopback HTTP server imitating the three backends the app talks to (Agora
// cloud recording, LiveKit egress recording, the chunk-upload Media API), storing result files in an S3 bucket.
// Embedded by `npm start`, `npm run demo` and the tests; `main.ts` runs it on its own.
import type { AddressInfo } from 'node:net';
import { agoraBackend } from './agora-routes';
import { Background } from './background';
import { createCallServer } from './call';
import { DEV_CALL_CREDENTIALS } from './call-tokens';
import type { DevContext } from './context';
import { Faults } from './faults';
import { livekitBackend } from './livekit-routes';
import { mediaBackend } from './media-routes';
import { ObjectStore } from './object-store';
import { SampleMedia } from './sample-media';
import { DEV_CALL_TOKEN_PATH, DEV_CALL_WS_PATH } from '../../src/shared/call/dev-call-protocol';
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
  const calls = createCallServer(options.dataDir, ctx.faults);
  const dev = createDevServer([agoraBackend(ctx), livekitBackend(ctx), mediaBackend(ctx), calls.routes], ctx.faults);
  const { server } = dev;
  calls.attach(server);
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
  const callUrl = `${url.replace('http:', 'ws:')}${DEV_CALL_WS_PATH}`;
  const callTokenUrl = `${url}${DEV_CALL_TOKEN_PATH}`;
  let closing: Promise<void> | undefined;

  return {
    url,
    agoraUrl,
    livekitUrl,
    mediaApiUrl,
    callUrl,
    callTokenUrl,
    token,
    env: {
      IREC_AGORA_URL: agoraUrl,
      IREC_LIVEKIT_URL: livekitUrl,
      IREC_LIVEKIT_TOKEN: token,
      IREC_MEDIA_API_URL: mediaApiUrl,
      IREC_MEDIA_API_SITE: ctx.mediaSites[0]!,
      // Live calls: real tokens from the development credentials (tools/dev-backend/call-tokens.ts).
      IREC_AGORA_APP_ID: DEV_CALL_CREDENTIALS.agoraAppId,
      IREC_AGORA_TOKEN_URL: `${agoraUrl}/call-token`,
      IREC_LIVEKIT_TOKEN_URL: `${livekitUrl}/call-token`,
      // The development call server: the default for `live.provider: "dev"` in npm start and npm run demo.
      IREC_DEV_CALL_URL: callUrl,
      IREC_DEV_CALL_TOKEN_URL: callTokenUrl,
    },
    requests: dev.requests,
    clearRequests: dev.clearRequests,
    setFault: (fault) => ctx.faults.set(fault),
    clearFaults: () => ctx.faults.clear(),
    close() {
      closing ??= (async () => {
        // Upgraded (WebSocket) sockets are outside the HTTP server's reach: the call server cuts them first.
        await calls.close();
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
