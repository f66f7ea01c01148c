// The Agora provider on Agora's native SDK (agora-electron-sdk), for the dedicated call window only
// (src/renderer/native-call/): the SDK needs Node in the page, which the interview window never has. It shares the
// join timeout, state, participants and reconnect of every provider (provider-call.ts); the SDK captures and plays
// the devices itself and draws remote video into elements of that window.
import { CallFailure, type CallError, type InterviewCall, type JoinInfo, type NetworkQuality, type TokenSource } from '../interview-call';
import { nativeDisconnect, nativeError } from './agora-native-errors';
import { NATIVE, type AgoraNativeEngine, type AgoraNativeEventHandler, type AgoraNativeSdk } from './agora-native-seam';
import { createProviderCall, freshToken, loadOnce, type ProviderSession, type SessionContext } from './provider-call';

/** Agora reports RemoteVideoStats every 2 s: frames decoded are its output frame rate over that interval. */
const STATS_INTERVAL_S = 2;
const MAX_UID = 2 ** 32 - 1;

/** 7 (unsupported) and 8 (detecting) are not qualities: unknown. */
const quality = (value: number): NetworkQuality => (Number.isInteger(value) && value >= 0 && value <= 6 ? (value as NetworkQuality) : 0);

/** The native SDK joins with a numeric uid only (what the Web SDK does for a participant id of digits). */
function nativeUid(participantId: string): number {
  const uid = /^\d{1,10}$/.test(participantId) ? Number(participantId) : NaN;
  if (!(uid > 0 && uid <= MAX_UID))
    throw new CallFailure({ kind: 'rejected', detail: `Agora's native SDK needs a numeric uid, not "${participantId}"` });
  return uid;
}

/** The parts of a native session the call window needs beyond ProviderSession: drawing video and counting frames. */
interface NativeSession extends ProviderSession {
  attach(participantId: string, element: HTMLElement): () => void;
  framesDecoded(): Record<string, number>;
}

/** A method's negative answer (an ErrorCodeType) as the call's failure. */
function check(code: number, what: string): void {
  if (code < 0) throw new CallFailure(nativeError(code, what));
}

/** Renews the token with a fresh one from the token source; `onFailure` says what a failure means here. */
function renew(context: SessionContext, engine: AgoraNativeEngine, onFailure: (error: CallError) => void): void {
  freshToken(context.tokens, context.join)
    .then((token) => check(engine.renewToken(token.token), 'renewToken'))
    .catch((error: unknown) => {
      const detail = error instanceof CallFailure ? error.error.detail : String(error);
      onFailure({ kind: 'auth', detail: `renewing the token: ${detail}`.slice(0, 300) });
    });
}

/** The engine's callbacks as the call's events; `joining` settles the join in progress. */
function eventHandler(
  context: SessionContext,
  engine: AgoraNativeEngine,
  joining: JoinWaiter,
  frames: Record<string, number>,
  transport: TransportStats,
) {
  const { store, join } = context;
  const inCall = () => store.state() !== 'connecting' && store.state() !== 'idle';
  const handler: AgoraNativeEventHandler = {
    onJoinChannelSuccess: () => joining.succeeded(),
    onError: (code, message) =>
      inCall() ? store.emit({ type: 'error', error: nativeError(code, message) }) : joining.failed(nativeError(code, message)),
    onConnectionStateChanged: (_connection, state, reason) => {
      // While joining, connect() owns the state: a failure there fails the join; afterwards Agora's own reconnection shows as ours.
      if (!inCall()) {
        if (state === NATIVE.failed) joining.failed(nativeDisconnect(reason) ?? { kind: 'rejected', detail: `join failed (${reason})` });
        return;
      }
      if (state === NATIVE.reconnecting) store.setState('reconnecting');
      else if (state === NATIVE.connected && store.state() === 'reconnecting') store.setState('connected');
      else if (state === NATIVE.failed || state === NATIVE.disconnected) {
        const error = nativeDisconnect(reason);
        if (error) context.ended(error);
      }
    },
    onUserJoined: (_connection, uid) => store.upsert(String(uid), {}),
    onUserOffline: (_connection, uid) => {
      delete frames[String(uid)];
      store.remove(String(uid));
    },
    onFirstRemoteAudioDecoded: (_connection, uid) => store.upsert(String(uid), { hasAudio: true }),
    onFirstRemoteVideoDecoded: (_connection, uid) => store.upsert(String(uid), { hasVideo: true }),
    // The SDK opens the devices itself: one it cannot capture is said, and the call goes on without it.
    onLocalVideoStateChanged: (_source, state, reason) => {
      if (state === NATIVE.captureFailed)
        store.emit({ type: 'error', error: { kind: 'media-denied', detail: `camera capture failed (LocalVideoStreamReason ${reason})` } });
    },
    onLocalAudioStateChanged: (_connection, state, reason) => {
      if (state === NATIVE.captureFailed)
        store.emit({
          type: 'error',
          error: { kind: 'media-denied', detail: `microphone capture failed (LocalAudioStreamReason ${reason})` },
        });
    },
    onUserMuteAudio: (_connection, uid, muted) => store.upsert(String(uid), { audioMuted: muted }),
    onUserMuteVideo: (_connection, uid, muted) => store.upsert(String(uid), { videoMuted: muted }),
    // uid 0 is this participant; others' reports are how their media reaches here.
    onNetworkQuality: (_connection, uid, tx, rx) =>
      store.emit({
        type: 'quality',
        participantId: uid === 0 ? join.participantId : String(uid),
        uplink: quality(tx),
        downlink: quality(rx),
      }),
    // 30 s before the end: a fresh token keeps the call going; a failure is reported, the call goes on until it expires.
    onTokenPrivilegeWillExpire: () => renew(context, engine, (error) => store.emit({ type: 'error', error })),
    // The token has expired: a fresh one now, or the call ends.
    onRequestToken: () => renew(context, engine, (error) => context.ended(error)),
    onRenewTokenResult: (_connection, _token, code) => {
      if (code !== 0)
        store.emit({ type: 'error', error: { kind: 'auth', detail: `renewToken was refused (RenewTokenErrorCode ${code})` } });
    },
    onRtcStats: (_connection, stats) => {
      transport.rttMs = stats.gatewayRtt;
      transport.sendBitsPerSecond = stats.txKBitRate === undefined ? undefined : stats.txKBitRate * 1000;
      transport.receiveBitsPerSecond = stats.rxKBitRate === undefined ? undefined : stats.rxKBitRate * 1000;
    },
    onRemoteVideoStats: (_connection, stats) => {
      if (stats.uid === undefined) return;
      const id = String(stats.uid);
      frames[id] = (frames[id] ?? 0) + Math.round((stats.decoderOutputFrameRate ?? 0) * STATS_INTERVAL_S);
    },
  };
  return handler;
}

type TransportStats = { rttMs?: number; sendBitsPerSecond?: number; receiveBitsPerSecond?: number };

/** The join in progress: joinChannel only starts it; the callbacks say how it went. */
function joinWaiter() {
  let settle: { resolve: () => void; reject: (failure: CallFailure) => void } | undefined;
  return {
    wait() {
      const outcome = new Promise<void>((resolve, reject) => (settle = { resolve, reject }));
      // A join refused at once (joinChannel < 0) or given up is not awaited any more: its late end is no one's error.
      outcome.catch(() => undefined);
      return outcome;
    },
    succeeded: () => settle?.resolve(),
    failed: (error: CallError) => settle?.reject(new CallFailure(error)),
  };
}
type JoinWaiter = ReturnType<typeof joinWaiter>;

function nativeSession(context: SessionContext, sdk: AgoraNativeSdk): NativeSession {
  const { join } = context;
  const appId = join.appId;
  if (!appId) throw new CallFailure({ kind: 'rejected', detail: 'no Agora App ID (backends.agora.appId)' });
  const uid = nativeUid(join.participantId);
  const engine = sdk.createEngine();
  const joining = joinWaiter();
  const frames: Record<string, number> = {};
  const transport: TransportStats = {};
  const handler = eventHandler(context, engine, joining, frames, transport);
  let left = false;
  try {
    check(engine.initialize({ appId, channelProfile: NATIVE.channelProfile }), 'initialize');
    engine.registerEventHandler(handler);
    check(engine.enableVideo(), 'enableVideo');
    check(engine.setClientRole(NATIVE.broadcaster), 'setClientRole');
  } catch (error) {
    engine.unregisterEventHandler(handler);
    engine.release();
    throw error;
  }
  return {
    async join(token) {
      const joined = joining.wait();
      check(
        engine.joinChannel(token.token, join.channel, uid, {
          clientRoleType: NATIVE.broadcaster,
          publishCameraTrack: true,
          publishMicrophoneTrack: true,
          autoSubscribeAudio: true,
          autoSubscribeVideo: true,
        }),
        'joinChannel',
      );
      await joined;
    },
    // Published with the join (ChannelMediaOptions): the SDK captures the devices itself, not our tracks.
    publish: async () => undefined,
    publishes: { audio: true, video: true },
    async leave() {
      if (left) return;
      left = true;
      joining.failed({ kind: 'timeout', detail: 'left while joining' });
      engine.unregisterEventHandler(handler);
      try {
        engine.leaveChannel();
      } finally {
        engine.release();
      }
    },
    async setMuted(kind, muted) {
      check(kind === 'audio' ? engine.muteLocalAudioStream(muted) : engine.muteLocalVideoStream(muted), `mute ${kind}`);
    },
    transportStats: async () => ({ ...transport }),
    failure: (error, during) =>
      error instanceof CallFailure
        ? error.error
        : { kind: during === 'publish' ? 'media-denied' : 'rejected', detail: String(error).slice(0, 300) },
    attach(participantId, element) {
      if (left) return () => undefined;
      const remote = nativeUid(participantId);
      check(engine.setupRemoteVideo({ uid: remote, view: element }), 'setupRemoteVideo');
      return () => void (left || engine.setupRemoteVideo({ uid: remote, view: element, setupMode: NATIVE.removeView }));
    },
    framesDecoded: () => ({ ...frames }),
  };
}

/** An InterviewCall whose `attach` draws into any element (the SDK adds its own canvas inside it). */
export type NativeInterviewCall = Omit<InterviewCall, 'attach'> & { attach(participantId: string, element: HTMLElement): () => void };

/** The native Agora provider; `loadSdk` is the call window's `require('agora-electron-sdk')`, or a fake in tests. */
export function createAgoraNativeCall(join: JoinInfo, tokens: TokenSource, loadSdk: () => Promise<AgoraNativeSdk>): NativeInterviewCall {
  let current: NativeSession | undefined;
  const call = createProviderCall('agora', join, tokens, async (context) => {
    current = nativeSession(context, await loadOnce(loadSdk, 'agora-electron-sdk'));
    return current;
  });
  return {
    ...call,
    // No MediaStreamTracks to hand over: the SDK draws the participant into the element itself.
    attach: (participantId, element) => (current ? current.attach(participantId, element) : () => undefined),
    async stats() {
      const stats = await call.stats();
      return { ...stats, framesDecoded: current?.framesDecoded() ?? {}, packetsLost: undefined };
    },
  };
}
