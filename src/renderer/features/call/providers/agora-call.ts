import { CallFailure, type CallFactory, type JoinInfo, type NetworkQuality, type TokenSource } from '../interview-call';
import { agoraDisconnect, agoraError } from './agora-errors';
import type { AgoraClient, AgoraLocalTrack, AgoraRemoteUser, AgoraSdk } from './agora-seam';
import { createProviderCall, freshToken, loadOnce, type ProviderSession, type SessionContext } from './provider-call';

/** What each `user-info-updated` message says about a remote participant's mute state. */
const INFO_UPDATES: Record<string, { audioMuted: boolean } | { videoMuted: boolean }> = {
  'mute-audio': { audioMuted: true },
  'unmute-audio': { audioMuted: false },
  'mute-video': { videoMuted: true },
  'disable-local-video': { videoMuted: true },
  'unmute-video': { videoMuted: false },
  'enable-local-video': { videoMuted: false },
};

const quality = (value: number): NetworkQuality => (Number.isInteger(value) && value >= 0 && value <= 6 ? (value as NetworkQuality) : 0);

/** A uid of digits joins as Agora's numeric uid (what native SDKs use); anything else as a string uid. */
const agoraUid = (participantId: string): number | string => (/^\d{1,10}$/.test(participantId) ? Number(participantId) : participantId);

async function onPublished({ store, media }: SessionContext, client: AgoraClient, user: AgoraRemoteUser, kind: 'audio' | 'video') {
  const id = String(user.uid);
  try {
    await client.subscribe(user, kind);
  } catch (error) {
    store.emit({ type: 'error', error: agoraError(error, 'join') });
    return;
  }
  const track = kind === 'audio' ? user.audioTrack : user.videoTrack;
  if (!track) return;
  media.set(id, kind, {
    track: track.getMediaStreamTrack(),
    stats: kind === 'video' ? async () => track.getRTCRtpTransceiver()?.receiver.getStats() : undefined,
  });
  store.upsert(id, kind === 'audio' ? { hasAudio: true, audioMuted: false } : { hasVideo: true, videoMuted: false });
}

/** Agora's events as the call's: people, their media and mute state, quality, reconnection, the token's expiry. */
function listen(context: SessionContext, client: AgoraClient): void {
  const { store, media, join, tokens } = context;
  client.on('user-joined', (user) => store.upsert(String(user.uid), { hasAudio: user.hasAudio, hasVideo: user.hasVideo }));
  client.on('user-left', (user) => {
    media.remove(String(user.uid));
    store.remove(String(user.uid));
  });
  client.on('user-published', (user, kind) => {
    if (kind !== 'datachannel') void onPublished(context, client, user, kind);
  });
  client.on('user-unpublished', (user, kind) => {
    if (kind === 'datachannel') return;
    media.set(String(user.uid), kind, undefined);
    store.upsert(String(user.uid), kind === 'audio' ? { hasAudio: false } : { hasVideo: false });
  });
  client.on('user-info-updated', (uid, message) => {
    const change = INFO_UPDATES[message];
    if (change) store.upsert(String(uid), change);
  });
  client.on('network-quality', (q) =>
    store.emit({
      type: 'quality',
      participantId: join.participantId,
      uplink: quality(q.uplinkNetworkQuality),
      downlink: quality(q.downlinkNetworkQuality),
    }),
  );
  // Agora warns 30 s before the token expires: a fresh one from the token source keeps the call going.
  client.on('token-privilege-will-expire', () => {
    freshToken(tokens, join)
      .then((token) => client.renewToken(token.token))
      .catch((error: unknown) => {
        const detail = error instanceof CallFailure ? error.error.detail : String(error);
        store.emit({ type: 'error', error: { kind: 'auth', detail: `renewing the token: ${detail}`.slice(0, 300) } });
      });
  });
  client.on('token-privilege-did-expire', () =>
    context.ended({ kind: 'auth', detail: 'TOKEN_EXPIRE: the token expired before a new one came' }),
  );
  client.on('connection-state-change', (current, previous, reason) => {
    // While joining, connect() owns the state; afterwards Agora's own reconnection shows as ours.
    if (store.state() === 'connecting' || store.state() === 'idle') return;
    if (current === 'RECONNECTING') store.setState('reconnecting');
    else if (current === 'CONNECTED' && previous === 'RECONNECTING') store.setState('connected');
    else if (current === 'DISCONNECTED') {
      const error = agoraDisconnect(reason);
      if (error) context.ended(error);
    }
  });
}

function agoraSession(context: SessionContext, sdk: AgoraSdk): ProviderSession {
  const { join } = context;
  const appId = join.appId;
  if (!appId) throw new CallFailure({ kind: 'rejected', detail: 'no Agora App ID (backends.agora.appId)' });
  const client = sdk.createClient();
  const local: { audio?: AgoraLocalTrack; video?: AgoraLocalTrack } = {};
  let left = false;
  listen(context, client);
  return {
    join: async (token) => void (await client.join(appId, join.channel, token.token, agoraUid(join.participantId))),
    async publish(clones) {
      if (clones.audio) local.audio = sdk.createCustomAudioTrack(clones.audio);
      if (clones.video) local.video = sdk.createCustomVideoTrack(clones.video);
      const tracks = [local.audio, local.video].filter((t): t is AgoraLocalTrack => t !== undefined);
      if (tracks.length) await client.publish(tracks);
    },
    async leave() {
      if (left) return;
      left = true;
      client.removeAllListeners();
      await client.leave().catch(() => undefined);
      local.audio?.close();
      local.video?.close();
    },
    setMuted: async (kind, muted) => local[kind]?.setMuted(muted),
    async transportStats() {
      const stats = client.getRTCStats();
      return { rttMs: stats.RTT, sendBitsPerSecond: stats.SendBitrate, receiveBitsPerSecond: stats.RecvBitrate };
    },
    failure: agoraError,
  };
}

const loadRealSdk = async (): Promise<AgoraSdk> => (await import('./agora-sdk')).loadAgoraSdk();

/** The Agora provider (agora-rtc-sdk-ng); `loadSdk` is the seam unit tests replace with a fake. */
export function createAgoraCall(join: JoinInfo, tokens: TokenSource, loadSdk: () => Promise<AgoraSdk> = loadRealSdk) {
  return createProviderCall('agora', join, tokens, async (context) => agoraSession(context, await loadOnce(loadSdk, 'agora-rtc-sdk-ng')));
}

export const agoraCall: CallFactory = (join, tokens) => createAgoraCall(join, tokens);
