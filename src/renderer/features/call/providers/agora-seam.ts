// The few parts of agora-rtc-sdk-ng the Agora provider uses, in its own words: agora-sdk.ts adapts the real SDK to
// this, unit tests drive agora-call.ts with a fake of it. No SDK type appears here.

export type AgoraConnectionState = 'DISCONNECTED' | 'CONNECTING' | 'RECONNECTING' | 'CONNECTED' | 'DISCONNECTING';
export type AgoraMediaType = 'audio' | 'video' | 'datachannel';

export interface AgoraRemoteTrack {
  getMediaStreamTrack(): MediaStreamTrack;
  /** The receiver's transceiver (for inbound-rtp stats); it may change after a reconnect. */
  getRTCRtpTransceiver(): RTCRtpTransceiver | undefined;
}

export interface AgoraRemoteUser {
  uid: string | number;
  hasAudio: boolean;
  hasVideo: boolean;
  audioTrack?: AgoraRemoteTrack;
  videoTrack?: AgoraRemoteTrack;
}

/** A local track made from one of our MediaStreamTracks (createCustomAudioTrack / createCustomVideoTrack). */
export interface AgoraLocalTrack {
  setMuted(muted: boolean): Promise<void>;
  /** Releases the track; it stops the MediaStreamTrack it was made from (a clone: see local-tracks.ts). */
  close(): void;
}

export interface AgoraClientEvents {
  'connection-state-change': (current: AgoraConnectionState, previous: AgoraConnectionState, reason?: string) => void;
  'user-joined': (user: AgoraRemoteUser) => void;
  'user-left': (user: AgoraRemoteUser, reason: string) => void;
  'user-published': (user: AgoraRemoteUser, mediaType: AgoraMediaType) => void;
  'user-unpublished': (user: AgoraRemoteUser, mediaType: AgoraMediaType) => void;
  'user-info-updated': (uid: string | number, message: string) => void;
  'network-quality': (quality: { uplinkNetworkQuality: number; downlinkNetworkQuality: number }) => void;
  'token-privilege-will-expire': () => void;
  'token-privilege-did-expire': () => void;
}

export interface AgoraClient {
  join(appId: string, channel: string, token: string | null, uid: number | string): Promise<unknown>;
  leave(): Promise<void>;
  publish(tracks: AgoraLocalTrack[]): Promise<void>;
  subscribe(user: AgoraRemoteUser, mediaType: 'audio' | 'video'): Promise<unknown>;
  renewToken(token: string): Promise<void>;
  /** Call statistics: RTT (ms), SendBitrate and RecvBitrate (bps). */
  getRTCStats(): { RTT: number; SendBitrate: number; RecvBitrate: number };
  on<E extends keyof AgoraClientEvents>(event: E, listener: AgoraClientEvents[E]): void;
  removeAllListeners(): void;
}

export interface AgoraSdk {
  createClient(): AgoraClient;
  createCustomVideoTrack(track: MediaStreamTrack): AgoraLocalTrack;
  createCustomAudioTrack(track: MediaStreamTrack): AgoraLocalTrack;
}
