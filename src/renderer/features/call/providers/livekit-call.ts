import { CallFailure, type CallFactory, type JoinInfo, type TokenSource } from '../interview-call';
import { LIVEKIT_QUALITY, livekitDisconnect, livekitError } from './livekit-errors';
import type { LivekitPublication, LivekitRoom, LivekitSdk } from './livekit-seam';
import { createProviderCall, loadOnce, type ProviderSession, type SessionContext } from './provider-call';

/** LiveKit's events as the call's: people, their media and mute state, quality, reconnection, the end of the room. */
function listen(context: SessionContext, room: LivekitRoom): void {
  const { store, media, join } = context;
  room.on('participantJoined', (p) => store.upsert(p.identity, { displayName: p.name }));
  room.on('participantLeft', (p) => {
    media.remove(p.identity);
    store.remove(p.identity);
  });
  room.on('trackSubscribed', (p, track) => {
    const stats = track.kind === 'video' ? () => track.stats() : undefined;
    media.set(p.identity, track.kind, { track: track.mediaStreamTrack, stats, bitrate: () => track.bitrate() });
    store.upsert(p.identity, track.kind === 'audio' ? { hasAudio: true } : { hasVideo: true });
  });
  room.on('trackUnsubscribed', (p, track) => {
    media.set(p.identity, track.kind, undefined);
    store.upsert(p.identity, track.kind === 'audio' ? { hasAudio: false } : { hasVideo: false });
  });
  room.on('trackMuted', (p, kind, muted) => store.upsert(p.identity, kind === 'audio' ? { audioMuted: muted } : { videoMuted: muted }));
  room.on('quality', (p, quality) => {
    const level = LIVEKIT_QUALITY[quality] ?? 0;
    store.emit({ type: 'quality', participantId: p?.identity ?? join.participantId, uplink: level, downlink: level });
  });
  // LiveKit resumes or rejoins by itself (with the token the server keeps refreshing on the live connection).
  room.on('reconnecting', () => {
    if (store.state() === 'connected') store.setState('reconnecting');
  });
  room.on('reconnected', () => {
    if (store.state() === 'reconnecting') store.setState('connected');
  });
  room.on('disconnected', (reason) => {
    const error = livekitDisconnect(reason);
    if (error) context.ended(error);
  });
}

function livekitSession(context: SessionContext, sdk: LivekitSdk): ProviderSession {
  const serverUrl = context.join.serverUrl;
  if (!serverUrl) throw new CallFailure({ kind: 'rejected', detail: 'no LiveKit server URL (backends.livekit.url)' });
  const room = sdk.createRoom();
  const published: { audio?: LivekitPublication; video?: LivekitPublication } = {};
  let left = false;
  listen(context, room);
  return {
    // Every (re)connect uses a fresh token from the token source: a token kept from an earlier connect may have expired.
    join: (token) => room.connect(serverUrl, token.token),
    async publish(clones) {
      if (clones.audio) published.audio = await room.publish(clones.audio, 'microphone');
      if (clones.video) published.video = await room.publish(clones.video, 'camera');
    },
    async leave() {
      if (left) return;
      left = true;
      room.removeAllListeners();
      await room.disconnect().catch(() => undefined);
    },
    async setMuted(kind, muted) {
      const publication = published[kind];
      if (publication) await (muted ? publication.mute() : publication.unmute());
    },
    async transportStats() {
      const send = (published.audio?.bitrate() ?? 0) + (published.video?.bitrate() ?? 0);
      return { rttMs: room.rttMs(), sendBitsPerSecond: send };
    },
    failure: livekitError,
  };
}

const loadRealSdk = async (): Promise<LivekitSdk> => (await import('./livekit-sdk')).loadLivekitSdk();

/** The LiveKit provider (livekit-client); `loadSdk` is the seam unit tests replace with a fake. */
export function createLivekitCall(join: JoinInfo, tokens: TokenSource, loadSdk: () => Promise<LivekitSdk> = loadRealSdk) {
  return createProviderCall('livekit', join, tokens, async (context) => livekitSession(context, await loadOnce(loadSdk, 'livekit-client')));
}

export const livekitCall: CallFactory = (join, tokens) => createLivekitCall(join, tokens);
