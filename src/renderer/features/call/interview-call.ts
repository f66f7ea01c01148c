/**
 * The one call interface the interview and the interviewer's desk use. Providers (Agora's Web SDK, LiveKit, the
 * development call server, Agora's native SDK in its own window) sit behind it; no SDK type crosses it.
 */
import type { CallErrorKind } from '../../../shared/call/call-errors';

export type { CallErrorKind } from '../../../shared/call/call-errors';

export type CallProviderName = 'agora' | 'livekit' | 'dev';

export interface CallError {
  kind: CallErrorKind;
  /** The provider's own code or message, for logs and support; never shown as the only explanation. */
  detail: string;
}

/** Everything a provider needs to join; built from configuration and the backend, never hard-coded. */
export interface JoinInfo {
  provider: CallProviderName;
  /** Agora channel, LiveKit room, or the development server's room. */
  channel: string;
  /** This participant's id in the call (Agora uid as digits, LiveKit identity). */
  participantId: string;
  displayName: string;
  /** Agora App ID (Agora only). */
  appId?: string;
  /** Agora only: `native` runs the call on Agora's native SDK in the dedicated call window (`calls.agoraSdk`). */
  agoraSdk?: 'web' | 'native';
  /** LiveKit or development call server URL (ws:, wss:, http: or https:). */
  serverUrl?: string;
}

/** A join token and when it stops working; providers ask for a new one before that. */
export interface CallToken {
  token: string;
  /** Epoch milliseconds; absent when the token does not expire. */
  expiresAt?: number;
}

/** Fetches a token for the call (through the main process, which knows the token endpoint). */
export type TokenSource = (join: JoinInfo) => Promise<CallToken>;

export type CallState = 'idle' | 'connecting' | 'connected' | 'reconnecting' | 'disconnected';

/** 0 unknown, 1 excellent … 5 very bad, 6 down: Agora's scale, which LiveKit's and the dev server's map onto. */
export type NetworkQuality = 0 | 1 | 2 | 3 | 4 | 5 | 6;

export interface Participant {
  id: string;
  displayName?: string;
  isLocal: boolean;
  hasAudio: boolean;
  hasVideo: boolean;
  audioMuted: boolean;
  videoMuted: boolean;
}

export interface CallStats {
  /** Round-trip time to the service, when known. */
  rttMs?: number;
  sendBitsPerSecond?: number;
  receiveBitsPerSecond?: number;
  /** Per remote participant: frames of their video decoded here so far. */
  framesDecoded: Record<string, number>;
  packetsLost?: number;
}

export type CallEvent =
  | { type: 'state'; state: CallState; error?: CallError }
  | { type: 'participant-joined'; participant: Participant }
  | { type: 'participant-left'; participantId: string }
  | { type: 'participant-updated'; participant: Participant }
  | { type: 'quality'; participantId: string; uplink: NetworkQuality; downlink: NetworkQuality }
  | { type: 'error'; error: CallError };

export interface ConnectOptions {
  /** The camera and microphone tracks to publish: the same ones the interview records. */
  tracks: MediaStreamTrack[];
  /** Give up joining after this long (ms) with a `timeout` error. */
  timeoutMs: number;
}

export interface InterviewCall {
  readonly provider: CallProviderName;
  state(): CallState;
  /** Joins and publishes; rejects with a `CallError`-carrying `CallFailure`. */
  connect(options: ConnectOptions): Promise<void>;
  disconnect(): Promise<void>;
  /** Leaves and joins again with the same tracks (a new token if the old one is near its end). */
  reconnect(): Promise<void>;
  setMuted(kind: 'audio' | 'video', muted: boolean): Promise<void>;
  participants(): Participant[];
  /** Shows a participant's video (and plays their audio) in `element`; the returned function detaches it. */
  attach(participantId: string, element: HTMLVideoElement): () => void;
  stats(): Promise<CallStats>;
  /** Subscribes to events; the returned function unsubscribes. */
  on(listener: (event: CallEvent) => void): () => void;
}

/** The error a provider's `connect`/`reconnect` rejects with. */
export class CallFailure extends Error {
  constructor(readonly error: CallError) {
    super(`${error.kind}: ${error.detail}`);
    this.name = 'CallFailure';
  }
}

export type CallFactory = (join: JoinInfo, tokens: TokenSource) => InterviewCall;
