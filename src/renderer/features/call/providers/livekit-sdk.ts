// livekit-client behind the seam (livekit-seam.ts). Loaded only when a LiveKit call starts (a dynamic import).
import {
  ConnectionError,
  DisconnectReason,
  RemoteParticipant,
  Room,
  RoomEvent,
  Track,
  setLogLevel,
  type RemoteTrack,
} from 'livekit-client';
import type {
  LivekitFailure,
  LivekitRemoteParticipant,
  LivekitRemoteTrack,
  LivekitRoom,
  LivekitRoomEvents,
  LivekitSdk,
} from './livekit-seam';

/** One join attempt per connect(): the call's own timeout and reconnect decide about more. */
const CONNECT_OPTIONS = { maxRetries: 0 } as const;

const person = (participant: RemoteParticipant): LivekitRemoteParticipant => ({
  identity: participant.identity,
  name: participant.name || undefined,
});

const remoteTrack = (track: RemoteTrack): LivekitRemoteTrack => ({
  kind: track.kind === Track.Kind.Audio ? 'audio' : 'video',
  mediaStreamTrack: track.mediaStreamTrack,
  stats: () => track.getRTCStatsReport(),
  bitrate: () => track.currentBitrate,
});

const reasonName = (reason: DisconnectReason | undefined): string | undefined =>
  reason === undefined ? undefined : DisconnectReason[reason];

function failure(error: unknown): LivekitFailure {
  if (error instanceof ConnectionError) {
    const leave = error.reasonName === 'LeaveRequest' ? reasonName(error.context as DisconnectReason) : undefined;
    return {
      reason: error.reasonName,
      status: typeof error.status === 'number' ? error.status : undefined,
      disconnectReason: leave,
      message: error.message,
    };
  }
  return { reason: 'Unknown', message: error instanceof Error ? error.message : String(error) };
}

type Listeners = { [E in keyof LivekitRoomEvents]?: Array<LivekitRoomEvents[E]> };

function adaptRoom(room: Room): LivekitRoom {
  let listeners: Listeners = {};
  const emit = <E extends keyof LivekitRoomEvents>(event: E, ...args: Parameters<LivekitRoomEvents[E]>) =>
    listeners[event]?.forEach((listener) => (listener as (...values: unknown[]) => void)(...args));
  const kindOf = (kind: string) => (kind === 'audio' ? 'audio' : 'video');
  room
    .on(RoomEvent.ParticipantConnected, (p) => emit('participantJoined', person(p)))
    .on(RoomEvent.ParticipantDisconnected, (p) => emit('participantLeft', person(p)))
    .on(RoomEvent.TrackSubscribed, (track, _publication, p) => emit('trackSubscribed', person(p), remoteTrack(track)))
    .on(RoomEvent.TrackUnsubscribed, (track, _publication, p) => emit('trackUnsubscribed', person(p), remoteTrack(track)))
    .on(RoomEvent.TrackMuted, (publication, p) => {
      if (p instanceof RemoteParticipant) emit('trackMuted', person(p), kindOf(publication.kind), true);
    })
    .on(RoomEvent.TrackUnmuted, (publication, p) => {
      if (p instanceof RemoteParticipant) emit('trackMuted', person(p), kindOf(publication.kind), false);
    })
    .on(RoomEvent.ConnectionQualityChanged, (quality, p) => emit('quality', p instanceof RemoteParticipant ? person(p) : null, quality))
    .on(RoomEvent.Reconnecting, () => emit('reconnecting'))
    .on(RoomEvent.SignalReconnecting, () => emit('reconnecting'))
    .on(RoomEvent.Reconnected, () => emit('reconnected'))
    .on(RoomEvent.Disconnected, (reason) => emit('disconnected', reasonName(reason)));
  return {
    async connect(url, token) {
      await room.connect(url, token, CONNECT_OPTIONS).catch((error: unknown) => Promise.reject(failure(error)));
      // Those already in the room get no ParticipantConnected: they are announced like newcomers.
      room.remoteParticipants.forEach((p) => emit('participantJoined', person(p)));
    },
    // Our published tracks are clones the provider stops itself; stopping them here changes nothing.
    disconnect: () => room.disconnect(true),
    async publish(track, source) {
      const publication = await room.localParticipant.publishTrack(track, {
        source: source === 'camera' ? Track.Source.Camera : Track.Source.Microphone,
      });
      return { mute: () => publication.mute(), unmute: () => publication.unmute(), bitrate: () => publication.track?.currentBitrate ?? 0 };
    },
    rttMs: () => room.engine?.client.rtt || undefined,
    on(event, listener) {
      (listeners[event] ??= []).push(listener as never);
    },
    removeAllListeners() {
      listeners = {};
    },
  };
}

export function loadLivekitSdk(): LivekitSdk {
  setLogLevel('warn');
  // No adaptive stream: it pauses video not shown in an element LiveKit attached itself, and we attach our own way.
  return { createRoom: () => adaptRoom(new Room({ adaptiveStream: false, dynacast: false })) };
}
