import { describe, expect, it, vi } from 'vitest';
import type { CallEvent, CallToken, JoinInfo } from '../../src/renderer/features/call/interview-call';
import { createAgoraNativeCall } from '../../src/renderer/features/call/providers/agora-native-call';
import { nativeDisconnect, nativeError } from '../../src/renderer/features/call/providers/agora-native-errors';
import type {
  AgoraNativeCanvas,
  AgoraNativeEngine,
  AgoraNativeEventHandler,
  AgoraNativeJoinOptions,
  AgoraNativeSdk,
} from '../../src/renderer/features/call/providers/agora-native-seam';
import { failureOf, joined, observeCall, settle } from '../support/fake-call-media';

// ConnectionStateType and ConnectionChangedReasonType as agora-electron-sdk numbers them.
const STATE = { disconnected: 1, connecting: 2, connected: 3, reconnecting: 4, failed: 5 };
const REASON = { interrupted: 2, banned: 3, leave: 5, invalidToken: 8, sameUid: 19 };

type JoinBehaviour = 'succeed' | 'hang' | { fail: { state: number; reason: number } } | { error: number } | { returns: number };

/** agora-electron-sdk's engine as the seam sees it: records calls, fires the callbacks the test chooses. */
class FakeEngine implements AgoraNativeEngine {
  handler?: AgoraNativeEventHandler;
  joins: Array<{ token: string; channel: string; uid: number; options: AgoraNativeJoinOptions }> = [];
  initialized: Array<{ appId: string; channelProfile: number }> = [];
  renewed: string[] = [];
  muted: Array<[string, boolean]> = [];
  canvases: AgoraNativeCanvas[] = [];
  roles: number[] = [];
  leaves = 0;
  released = 0;
  renewAnswer = 0;

  constructor(private readonly behaviour: JoinBehaviour) {}

  initialize(context: { appId: string; channelProfile: number }) {
    this.initialized.push(context);
    return 0;
  }
  registerEventHandler(handler: AgoraNativeEventHandler) {
    this.handler = handler;
    return true;
  }
  unregisterEventHandler(handler: AgoraNativeEventHandler) {
    if (this.handler === handler) this.handler = undefined;
    return true;
  }
  enableVideo = () => 0;
  setClientRole(role: number) {
    this.roles.push(role);
    return 0;
  }
  joinChannel(token: string, channel: string, uid: number, options: AgoraNativeJoinOptions) {
    this.joins.push({ token, channel, uid, options });
    const b = this.behaviour;
    if (typeof b === 'object' && 'returns' in b) return b.returns;
    // The SDK answers joinChannel at once and reports the outcome later, from its own thread.
    setTimeout(() => {
      if (b === 'succeed') this.fire('onJoinChannelSuccess', { channelId: channel, localUid: uid }, 12);
      else if (typeof b === 'object' && 'fail' in b) this.fire('onConnectionStateChanged', {}, b.fail.state, b.fail.reason);
      else if (typeof b === 'object' && 'error' in b) this.fire('onError', b.error, 'refused');
    }, 0);
    return 0;
  }
  leaveChannel() {
    this.leaves++;
    return 0;
  }
  renewToken(token: string) {
    this.renewed.push(token);
    return this.renewAnswer;
  }
  muteLocalAudioStream(mute: boolean) {
    this.muted.push(['audio', mute]);
    return 0;
  }
  muteLocalVideoStream(mute: boolean) {
    this.muted.push(['video', mute]);
    return 0;
  }
  setupRemoteVideo(canvas: AgoraNativeCanvas) {
    this.canvases.push(canvas);
    return 0;
  }
  release() {
    this.released++;
  }
  fire<E extends keyof AgoraNativeEventHandler>(event: E, ...args: Parameters<NonNullable<AgoraNativeEventHandler[E]>>) {
    (this.handler?.[event] as ((...a: unknown[]) => void) | undefined)?.(...args);
  }
}

const JOIN: JoinInfo = { provider: 'agora', channel: 'interview-1', participantId: '1001', displayName: 'Anna', appId: 'a'.repeat(32) };

function setup(...behaviours: JoinBehaviour[]) {
  const engines: FakeEngine[] = [];
  const sdk: AgoraNativeSdk = {
    createEngine() {
      const engine = new FakeEngine(behaviours.shift() ?? 'succeed');
      engines.push(engine);
      return engine;
    },
  };
  let issued = 0;
  const tokens = vi.fn(async (): Promise<CallToken> => ({ token: `token-${++issued}`, expiresAt: Date.now() + 3_600_000 }));
  const call = createAgoraNativeCall(JOIN, tokens, async () => sdk);
  const observed = observeCall(call as never);
  // The native SDK captures the devices itself: the call window has no tracks to give.
  return { call, engines, tokens, ...observed, options: { tracks: [], timeoutMs: 200 }, engine: () => engines.at(-1)! };
}

const states = (events: CallEvent[]) => events.flatMap((e) => (e.type === 'state' ? [e.state] : []));

describe('Agora native provider: joining', () => {
  it('initializes with the App ID as a broadcaster, joins with a fresh token and the numeric uid, publishing camera and microphone', async () => {
    const { call, engine, tokens, events, options } = setup('succeed');
    await call.connect(options);

    expect(tokens).toHaveBeenCalledWith(JOIN);
    expect(engine().initialized).toEqual([{ appId: JOIN.appId, channelProfile: 1 }]);
    expect(engine().roles).toEqual([1]);
    expect(engine().joins).toEqual([
      {
        token: 'token-1',
        channel: 'interview-1',
        uid: 1001,
        options: {
          clientRoleType: 1,
          publishCameraTrack: true,
          publishMicrophoneTrack: true,
          autoSubscribeAudio: true,
          autoSubscribeVideo: true,
        },
      },
    ]);
    expect(states(events)).toEqual(['connecting', 'connected']);
    expect(call.participants()).toEqual([expect.objectContaining({ id: '1001', isLocal: true, hasAudio: true, hasVideo: true })]);
  });

  it('a join with no answer is given up after the timeout: the channel left, the engine released', async () => {
    const { call, engine, events, options } = setup('hang');
    const failure = await failureOf(call.connect(options));
    expect(failure.error).toEqual({ kind: 'timeout', detail: 'no answer from Agora within 200 ms' });
    await settle();
    expect([engine().leaves, engine().released]).toEqual([1, 1]);
    expect(engine().handler).toBeUndefined();
    expect(events.at(-1)).toMatchObject({ type: 'state', state: 'disconnected', error: { kind: 'timeout' } });
  });

  it.each([
    [
      'a refused token (state Failed, InvalidToken)',
      { fail: { state: STATE.failed, reason: REASON.invalidToken } },
      'auth',
      'ConnectionChangedInvalidToken (8)',
    ],
    [
      'a ban (state Failed, BannedByServer)',
      { fail: { state: STATE.failed, reason: REASON.banned } },
      'kicked',
      'ConnectionChangedBannedByServer (3)',
    ],
    ['onError ErrInvalidAppId', { error: 101 }, 'unreachable', 'ErrInvalidAppId (101): refused'],
    ['onError ErrInvalidChannelName', { error: 102 }, 'rejected', 'ErrInvalidChannelName (102): refused'],
    ['joinChannel answering -2 at once', { returns: -2 }, 'rejected', 'ErrInvalidArgument (2): joinChannel'],
    ['joinChannel answering -7 at once', { returns: -7 }, 'rejected', 'ErrNotInitialized (7): joinChannel'],
  ] as const)('%s fails the join as %s and releases the engine', async (_what, behaviour, kind, detail) => {
    const { call, engine, options } = setup(behaviour);
    const failure = await failureOf(call.connect(options));
    expect(failure.error).toEqual({ kind, detail });
    expect([engine().leaves, engine().released]).toEqual([1, 1]);
    expect(call.state()).toBe('disconnected');
  });

  it('a participant id that is not a uid, or no App ID, fails before any engine exists', async () => {
    const { engines, options } = setup();
    const named = createAgoraNativeCall(
      { ...JOIN, participantId: 'candidate-x' },
      async () => ({ token: 't' }),
      async () => ({ createEngine: () => new FakeEngine('succeed') }),
    );
    expect((await failureOf(named.connect(options))).error.kind).toBe('rejected');
    const noAppId = createAgoraNativeCall(
      { ...JOIN, appId: undefined },
      async () => ({ token: 't' }),
      async () => ({ createEngine: () => new FakeEngine('succeed') }),
    );
    expect((await failureOf(noAppId.connect(options))).error).toEqual({
      kind: 'rejected',
      detail: 'no Agora App ID (backends.agora.appId)',
    });
    expect(engines).toEqual([]);
  });

  it('an SDK that cannot be loaded (no native build on this computer) is unsupported', async () => {
    const call = createAgoraNativeCall(
      JOIN,
      async () => ({ token: 't' }),
      async () => Promise.reject(new Error("Cannot find module 'agora_node_ext'")),
    );
    const failure = await failureOf(call.connect({ tracks: [], timeoutMs: 200 }));
    expect(failure.error.kind).toBe('unsupported');
    expect(failure.error.detail).toContain('agora-electron-sdk could not be loaded');
  });
});

describe('Agora native provider: in the call', () => {
  const connected = () => joined(setup('succeed'));

  it('remote users: joined, their media decoded, muted, drawn into an element of the call window, left', async () => {
    const { call, engine, events } = await connected();
    engine().fire('onUserJoined', {}, 2002, 5);
    engine().fire('onFirstRemoteVideoDecoded', {}, 2002, 640, 360, 80);
    engine().fire('onFirstRemoteAudioDecoded', {}, 2002, 90);
    engine().fire('onUserMuteAudio', {}, 2002, true);
    expect(call.participants()[1]).toEqual(
      expect.objectContaining({ id: '2002', isLocal: false, hasVideo: true, hasAudio: true, audioMuted: true }),
    );

    const view = {} as HTMLElement;
    const detach = call.attach('2002', view);
    detach();
    expect(engine().canvases).toEqual([
      { uid: 2002, view },
      { uid: 2002, view, setupMode: 2 },
    ]);

    engine().fire('onUserOffline', {}, 2002, 0);
    expect(events.map((e) => e.type)).toEqual([
      'participant-joined',
      'participant-updated',
      'participant-updated',
      'participant-updated',
      'participant-left',
    ]);
    expect(call.participants()).toHaveLength(1);
  });

  it('network quality: uid 0 is this participant, others are theirs; 7 and 8 are unknown', async () => {
    const { engine, events } = await connected();
    engine().fire('onNetworkQuality', {}, 0, 1, 2);
    engine().fire('onNetworkQuality', {}, 2002, 8, 6);
    expect(events).toEqual([
      { type: 'quality', participantId: '1001', uplink: 1, downlink: 2 },
      { type: 'quality', participantId: '2002', uplink: 0, downlink: 6 },
    ]);
  });

  it('stats from onRtcStats and onRemoteVideoStats: round trip, bitrates, frames decoded per participant', async () => {
    const { call, engine } = await connected();
    engine().fire('onRtcStats', {}, { gatewayRtt: 38, txKBitRate: 1200, rxKBitRate: 900 });
    engine().fire('onRemoteVideoStats', {}, { uid: 2002, decoderOutputFrameRate: 15 });
    engine().fire('onRemoteVideoStats', {}, { uid: 2002, decoderOutputFrameRate: 14.6 });
    expect(await call.stats()).toEqual({
      rttMs: 38,
      sendBitsPerSecond: 1_200_000,
      receiveBitsPerSecond: 900_000,
      framesDecoded: { '2002': 59 },
      packetsLost: undefined,
    });
  });

  it('renews the token before it expires; a failed or refused renewal is an auth error event and the call goes on', async () => {
    const { call, engine, tokens, events } = await connected();
    engine().fire('onTokenPrivilegeWillExpire', {}, 'token-1');
    await settle();
    expect(engine().renewed).toEqual(['token-2']);

    tokens.mockRejectedValueOnce(new Error('endpoint down'));
    engine().fire('onTokenPrivilegeWillExpire', {}, 'token-1');
    await settle();
    engine().renewAnswer = -110;
    engine().fire('onTokenPrivilegeWillExpire', {}, 'token-1');
    await settle();
    engine().fire('onRenewTokenResult', {}, 'token-4', 3);
    expect(events).toEqual([
      { type: 'error', error: { kind: 'auth', detail: 'renewing the token: token: Error: endpoint down' } },
      { type: 'error', error: { kind: 'auth', detail: 'renewing the token: ErrInvalidToken (110): renewToken' } },
      { type: 'error', error: { kind: 'auth', detail: 'renewToken was refused (RenewTokenErrorCode 3)' } },
    ]);
    expect(call.state()).toBe('connected');
  });

  it('an expired token (onRequestToken) is renewed; when no new one comes, the call ends with auth', async () => {
    const { call, engine, tokens, events } = await connected();
    engine().fire('onRequestToken', {});
    await settle();
    expect(engine().renewed).toEqual(['token-2']);
    expect(call.state()).toBe('connected');

    tokens.mockRejectedValueOnce(new Error('HTTP 403'));
    engine().fire('onRequestToken', {});
    await settle();
    expect(call.state()).toBe('disconnected');
    expect(events.at(-1)).toEqual({
      type: 'state',
      state: 'disconnected',
      error: { kind: 'auth', detail: 'renewing the token: token: Error: HTTP 403' },
    });
    expect(engine().released).toBe(1);
  });

  it('Agora’s reconnection shows as reconnecting/connected; losing the connection or the uid ends the call; our leave ends it without error', async () => {
    const { engine, events } = await connected();
    engine().fire('onConnectionStateChanged', {}, STATE.reconnecting, REASON.interrupted);
    engine().fire('onConnectionStateChanged', {}, STATE.connected, 15);
    expect(states(events)).toEqual(['reconnecting', 'connected']);
    engine().fire('onConnectionStateChanged', {}, STATE.failed, REASON.sameUid);
    await settle();
    expect(events.at(-1)).toEqual({
      type: 'state',
      state: 'disconnected',
      error: { kind: 'kicked', detail: 'ConnectionChangedSameUidLogin (19)' },
    });

    const again = await connected();
    again.engine().fire('onConnectionStateChanged', {}, STATE.disconnected, REASON.leave);
    expect(again.call.state()).toBe('connected');
    await again.call.disconnect();
    expect(again.events.at(-1)).toEqual({ type: 'state', state: 'disconnected' });
    expect([again.engine().leaves, again.engine().released]).toEqual([1, 1]);
  });

  it('an SDK error or a device it cannot capture is an error event in the call, not the end of it', async () => {
    const { call, engine, events } = await connected();
    engine().fire('onError', 1005, 'audio device module');
    engine().fire('onLocalVideoStateChanged', 0, 1, 0);
    engine().fire('onLocalVideoStateChanged', 0, 3, 3);
    engine().fire('onLocalAudioStateChanged', {}, 3, 1);
    expect(events).toEqual([
      { type: 'error', error: { kind: 'media-denied', detail: 'ErrAdmGeneralError (1005): audio device module' } },
      { type: 'error', error: { kind: 'media-denied', detail: 'camera capture failed (LocalVideoStreamReason 3)' } },
      { type: 'error', error: { kind: 'media-denied', detail: 'microphone capture failed (LocalAudioStreamReason 1)' } },
    ]);
    expect(call.state()).toBe('connected');
  });

  it('mute goes to the SDK’s published streams; reconnect releases the engine and joins with a new one and a new token', async () => {
    const { call, engines } = await connected();
    await call.setMuted('audio', true);
    expect(engines[0]!.muted).toEqual([['audio', true]]);
    expect(call.participants()[0]).toMatchObject({ audioMuted: true });

    await call.reconnect();
    expect(engines).toHaveLength(2);
    expect(engines[0]!.released).toBe(1);
    expect(engines[1]!.joins[0]!.token).toBe('token-2');
    expect(call.attach('2002', {} as HTMLElement)).toBeTypeOf('function');
    expect(engines[0]!.canvases).toEqual([]);
    expect(engines[1]!.canvases).toHaveLength(1);
  });
});

describe('Agora native error tables', () => {
  it('map unknown codes conservatively and keep the SDK’s number', () => {
    expect(nativeError(-999)).toEqual({ kind: 'rejected', detail: 'ErrorCode (999)' });
    expect(nativeError(123, 'banned')).toEqual({ kind: 'kicked', detail: 'ErrClientIsBannedByServer (123): banned' });
    expect(nativeDisconnect(REASON.leave)).toBeUndefined();
    expect(nativeDisconnect(99)).toEqual({ kind: 'dropped', detail: 'ConnectionChangedReason (99)' });
    expect(nativeDisconnect(9)).toEqual({ kind: 'auth', detail: 'ConnectionChangedTokenExpired (9)' });
  });
});
