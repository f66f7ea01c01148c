// The few parts of agora-electron-sdk (Agora's native SDK, IRtcEngineEx) the native Agora provider uses, in its own
// words: the call window hands the real engine to agora-native-call.ts, unit tests a fake. The SDK is imported here
// for its types only (erased at build), so nothing native loads in tests, on Linux or in the interview window.
import type {
  ChannelProfileType,
  ConnectionChangedReasonType,
  ClientRoleType,
  ConnectionStateType,
  IRtcEngineEventHandler,
  LocalAudioStreamState,
  LocalVideoStreamState,
  IRtcEngineEx,
  VideoViewSetupMode,
} from 'agora-electron-sdk';

/** The SDK's enums are numbers at run time; these are the values the provider needs, checked against it below. */
export const NATIVE = {
  /** ChannelProfileLiveBroadcasting: the 4.x default, and what interoperates with the Web SDK's "rtc" clients. */
  channelProfile: 1,
  /** ClientRoleBroadcaster: the candidate publishes. */
  broadcaster: 1,
  disconnected: 1,
  connected: 3,
  reconnecting: 4,
  failed: 5,
  /** LocalVideoStreamStateFailed and LocalAudioStreamStateFailed: the SDK could not capture the device. */
  captureFailed: 3,
  /** ConnectionChangedLeaveChannel: the disconnect we asked for. */
  leaveReason: 5,
  /** VideoViewSetupRemove: stops rendering a view set up before. */
  removeView: 2,
} as const;

export interface AgoraNativeConnection {
  channelId?: string;
  localUid?: number;
}

/** RtcStats (every 2 s in a call): round-trip time to Agora's gateway and the bitrates. */
export interface AgoraNativeRtcStats {
  gatewayRtt?: number;
  txKBitRate?: number;
  rxKBitRate?: number;
}

/** RemoteVideoStats (every 2 s per remote user). */
export interface AgoraNativeRemoteVideoStats {
  uid?: number;
  decoderOutputFrameRate?: number;
}

/**
 * The callbacks the provider handles, as properties so the compiler checks them strictly against the SDK's
 * IRtcEngineEventHandler. Enums (ConnectionStateType, ConnectionChangedReasonType, ErrorCodeType, QualityType,
 * UserOfflineReasonType, RenewTokenErrorCode) arrive as their numbers.
 */
export interface AgoraNativeEventHandler {
  onJoinChannelSuccess?: (connection: AgoraNativeConnection, elapsed: number) => void;
  onError?: (err: number, msg: string) => void;
  onConnectionStateChanged?: (connection: AgoraNativeConnection, state: number, reason: number) => void;
  onUserJoined?: (connection: AgoraNativeConnection, remoteUid: number, elapsed: number) => void;
  onUserOffline?: (connection: AgoraNativeConnection, remoteUid: number, reason: number) => void;
  onFirstRemoteAudioDecoded?: (connection: AgoraNativeConnection, uid: number, elapsed: number) => void;
  onFirstRemoteVideoDecoded?: (
    connection: AgoraNativeConnection,
    remoteUid: number,
    width: number,
    height: number,
    elapsed: number,
  ) => void;
  onLocalVideoStateChanged?: (source: number, state: number, reason: number) => void;
  onLocalAudioStateChanged?: (connection: AgoraNativeConnection, state: number, reason: number) => void;
  onUserMuteAudio?: (connection: AgoraNativeConnection, remoteUid: number, muted: boolean) => void;
  onUserMuteVideo?: (connection: AgoraNativeConnection, remoteUid: number, muted: boolean) => void;
  onNetworkQuality?: (connection: AgoraNativeConnection, remoteUid: number, txQuality: number, rxQuality: number) => void;
  onTokenPrivilegeWillExpire?: (connection: AgoraNativeConnection, token: string) => void;
  onRequestToken?: (connection: AgoraNativeConnection) => void;
  onRenewTokenResult?: (connection: AgoraNativeConnection, token: string, code: number) => void;
  onRtcStats?: (connection: AgoraNativeConnection, stats: AgoraNativeRtcStats) => void;
  onRemoteVideoStats?: (connection: AgoraNativeConnection, stats: AgoraNativeRemoteVideoStats) => void;
}

/** ChannelMediaOptions: publish the native camera and microphone, receive everyone's. */
export interface AgoraNativeJoinOptions {
  clientRoleType: number;
  publishCameraTrack: boolean;
  publishMicrophoneTrack: boolean;
  autoSubscribeAudio: boolean;
  autoSubscribeVideo: boolean;
}

/** VideoCanvas: a remote uid drawn into an element of the call window (the SDK adds its canvas inside it). */
export interface AgoraNativeCanvas {
  uid: number;
  view: HTMLElement;
  setupMode?: number;
}

/** IRtcEngine's methods answer 0 on success and a negative ErrorCodeType otherwise; they never throw for that. */
export interface AgoraNativeEngine {
  initialize(context: { appId: string; channelProfile: number }): number;
  registerEventHandler(handler: AgoraNativeEventHandler): boolean;
  unregisterEventHandler(handler: AgoraNativeEventHandler): boolean;
  enableVideo(): number;
  setClientRole(role: number): number;
  joinChannel(token: string, channelId: string, uid: number, options: AgoraNativeJoinOptions): number;
  leaveChannel(): number;
  renewToken(token: string): number;
  muteLocalAudioStream(mute: boolean): number;
  muteLocalVideoStream(mute: boolean): number;
  setupRemoteVideo(canvas: AgoraNativeCanvas): number;
  release(sync?: boolean): void;
}

/** The SDK as the call window loads it: `createAgoraRtcEngine` behind a name of our own. */
export interface AgoraNativeSdk {
  createEngine(): AgoraNativeEngine;
}

// Compile-time checks against the SDK's shipped types: the real engine is this seam, the SDK can call our handler
// with what it passes, and the numbers above are the SDK's.
type Holds<T extends true> = T;
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
export type NativeSeamChecks = [
  Holds<IRtcEngineEx extends AgoraNativeEngine ? true : false>,
  Holds<Required<AgoraNativeEventHandler> extends Pick<Required<IRtcEngineEventHandler>, keyof AgoraNativeEventHandler> ? true : false>,
  Holds<Same<`${ChannelProfileType.ChannelProfileLiveBroadcasting}`, `${typeof NATIVE.channelProfile}`>>,
  Holds<Same<`${ClientRoleType.ClientRoleBroadcaster}`, `${typeof NATIVE.broadcaster}`>>,
  Holds<Same<`${ConnectionStateType.ConnectionStateDisconnected}`, `${typeof NATIVE.disconnected}`>>,
  Holds<Same<`${ConnectionStateType.ConnectionStateConnected}`, `${typeof NATIVE.connected}`>>,
  Holds<Same<`${ConnectionStateType.ConnectionStateReconnecting}`, `${typeof NATIVE.reconnecting}`>>,
  Holds<Same<`${ConnectionStateType.ConnectionStateFailed}`, `${typeof NATIVE.failed}`>>,
  Holds<Same<`${ConnectionChangedReasonType.ConnectionChangedLeaveChannel}`, `${typeof NATIVE.leaveReason}`>>,
  Holds<Same<`${LocalVideoStreamState.LocalVideoStreamStateFailed}`, `${typeof NATIVE.captureFailed}`>>,
  Holds<Same<`${LocalAudioStreamState.LocalAudioStreamStateFailed}`, `${typeof NATIVE.captureFailed}`>>,
  Holds<Same<`${VideoViewSetupMode.VideoViewSetupRemove}`, `${typeof NATIVE.removeView}`>>,
];
