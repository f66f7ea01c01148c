// The few parts of livekit-client the LiveKit provider uses, in its own words: livekit-sdk.ts adapts the real SDK
// to this, unit tests drive livekit-call.ts with a fake of it. No SDK type appears here.

export type LivekitQuality = 'excellent' | 'good' | 'poor' | 'lost' | 'unknown';

export interface LivekitRemoteParticipant {
  identity: string;
  name?: string;
}

export interface LivekitRemoteTrack {
  kind: 'audio' | 'video';
  mediaStreamTrack: MediaStreamTrack;
  /** The receiver's stats (inbound-rtp). */
  stats(): Promise<RTCStatsReport | undefined>;
  /** Bits per second received on it lately (0 until LiveKit has measured). */
  bitrate(): number;
}

export interface LivekitPublication {
  mute(): Promise<unknown>;
  unmute(): Promise<unknown>;
  /** Bits per second sent on it lately. */
  bitrate(): number;
}

/**
 * Why a connect failed or a room ended, by name: `ConnectionError.reasonName` (ServerUnreachable, NotAllowed, …)
 * with its HTTP status, and the `DisconnectReason` name (PARTICIPANT_REMOVED, DUPLICATE_IDENTITY, …).
 */
export interface LivekitFailure {
  reason: string;
  status?: number;
  disconnectReason?: string;
  message: string;
}

export interface LivekitRoomEvents {
  participantJoined: (participant: LivekitRemoteParticipant) => void;
  participantLeft: (participant: LivekitRemoteParticipant) => void;
  trackSubscribed: (participant: LivekitRemoteParticipant, track: LivekitRemoteTrack) => void;
  trackUnsubscribed: (participant: LivekitRemoteParticipant, track: LivekitRemoteTrack) => void;
  trackMuted: (participant: LivekitRemoteParticipant, kind: 'audio' | 'video', muted: boolean) => void;
  /** `participant` is null for the local one. */
  quality: (participant: LivekitRemoteParticipant | null, quality: LivekitQuality) => void;
  reconnecting: () => void;
  reconnected: () => void;
  /** The room ended; `reason` is the DisconnectReason name. */
  disconnected: (reason: string | undefined) => void;
}

export interface LivekitRoom {
  /** Rejects with a `LivekitFailure`. */
  connect(url: string, token: string): Promise<void>;
  disconnect(): Promise<void>;
  publish(track: MediaStreamTrack, source: 'camera' | 'microphone'): Promise<LivekitPublication>;
  /** The signalling connection's round-trip time in ms, when measured. */
  rttMs(): number | undefined;
  on<E extends keyof LivekitRoomEvents>(event: E, listener: LivekitRoomEvents[E]): void;
  removeAllListeners(): void;
}

export interface LivekitSdk {
  createRoom(): LivekitRoom;
}
