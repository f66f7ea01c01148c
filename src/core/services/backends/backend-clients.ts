import type { Config } from '../../../shared/config/schema';
import { BackendError } from './backend-error';
import { createAgoraClient, type AgoraClient } from './agora/agora-client';
import type { FetchPort } from './http-json';
import { createLivekitClient, type LivekitClient } from './livekit/livekit-client';
import { createMediaClient, type MediaClient } from './media-api/media-client';

export interface BackendClients {
  agora: AgoraClient | null;
  livekit: LivekitClient | null;
  media: MediaClient | null;
  /** Why a backend is not in use, in words that say which setting to change. */
  notConfigured: { agora?: string; livekit?: string; media?: string };
}

/** One client per configured backend; the LiveKit one keeps the rate budget, so there is one per process. */
export function createBackendClients(settings: Config['backends'], fetchPort?: FetchPort): BackendClients {
  const { agora, livekit, mediaApi } = settings;
  const notConfigured: BackendClients['notConfigured'] = {};
  if (!agora.baseUrl) notConfigured.agora = 'No Agora recording backend configured (backends.agora.baseUrl or IREC_AGORA_URL).';
  if (!livekit.baseUrl) notConfigured.livekit = 'No LiveKit recording backend configured (backends.livekit.baseUrl or IREC_LIVEKIT_URL).';
  if (!mediaApi.baseUrl) notConfigured.media = 'No Media Recording API configured (backends.mediaApi.baseUrl or IREC_MEDIA_API_URL).';
  return {
    agora: agora.baseUrl ? createAgoraClient(agora.baseUrl, fetchPort) : null,
    livekit: livekit.baseUrl ? createLivekitClient({ baseUrl: livekit.baseUrl, token: livekit.token, fetch: fetchPort }) : null,
    media: mediaApi.baseUrl ? createMediaClient(mediaApi.baseUrl, fetchPort) : null,
    notConfigured,
  };
}

/** The configured client for a backend, or a `not-configured` error that names the setting to change. */
export function requireBackend<B extends keyof BackendClients['notConfigured']>(
  clients: BackendClients,
  backend: B,
): NonNullable<BackendClients[B]> {
  const client = clients[backend];
  if (!client)
    throw new BackendError({
      backend,
      kind: 'not-configured',
      message: clients.notConfigured[backend] ?? `The ${backend} backend is not configured.`,
    });
  return client as NonNullable<BackendClients[B]>;
}
