import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CallFailure, type CallEvent, type CallToken, type JoinInfo } from '../../src/renderer/features/call/interview-call';
import { createAgoraCall } from '../../src/renderer/features/call/providers/agora-call';
import type {
  AgoraClient,
  AgoraClientEvents,
  AgoraLocalTrack,
  AgoraRemoteUser,
  AgoraSdk,
} from '../../src/renderer/features/call/providers/agora-seam';
import {
  asTrack,
  failureOf,
  fakeStatsReport,
  fakeTrack,
  fakeVideoElement,
  joined,
  observeCall,
  settle,
  stubMediaStream,
  type FakeTrack,
} from '../support/fake-call-media';

type JoinBehaviour = 'resolve' | 'hang' | { reject: { code: string; message: string } };

/** agora-rtc-sdk-ng as the seam sees it: records what the provider asked, and fires events the test chooses. */
class FakeAgoraClient implements AgoraClient {
  joins: Array<{ appId: string; channel: string; token: string | null; uid: number | string }> = [];
  published: FakeLocalTrack[] = [];
  subscribed: Array<[string | number, string]> = [];
  renewed: string[] = [];
  leaves = 0;
  listeners = new Map<string, Array<(...args: unknown[]) => void>>();
  stats = { RTT: 42, SendBitrate: 1_200_000, RecvBitrate: 900_000 };
  private rejectJoin?: (error: Error) => void;

  constructor(
    private readonly behaviour: JoinBehaviour,
    private readonly publishError?: Error,
  ) {}

  join(appId: string, channel: string, token: string | null, uid: number | string): Promise<unknown> {
    this.joins.push({ appId, channel, token, uid });
    if (this.behaviour === 'resolve') return Promise.resolve(uid);
    if (this.behaviour === 'hang')
      // Like Agora offline: neither resolves nor rejects until leave() aborts it.
      return new Promise((_, reject) => (this.rejectJoin = reject));
    const { code, message } = this.behaviour.reject;
    return Promise.reject(Object.assign(new Error(`AgoraRTCError ${code}: ${message}`), { code }));
  }
  async leave() {
    this.leaves++;
    this.rejectJoin?.(Object.assign(new Error('AgoraRTCError OPERATION_ABORTED: cancel token canceled'), { code: 'OPERATION_ABORTED' }));
  }
  async publish(tracks: AgoraLocalTrack[]) {
    if (this.publishError) throw this.publishError;
    this.published.push(...(tracks as FakeLocalTrack[]));
  }
  async subscribe(user: AgoraRemoteUser, mediaType: 'audio' | 'video') {
    this.subscribed.push([user.uid, mediaType]);
  }
  async renewToken(token: string) {
    this.renewed.push(token);
  }
  getRTCStats() {
    return this.stats;
  }
  on<E extends keyof AgoraClientEvents>(event: E, listener: AgoraClientEvents[E]) {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener as (...args: unknown[]) => void]);
  }
  removeAllListeners() {
    this.listeners.clear();
  }
  fire<E extends keyof AgoraClientEvents>(event: E, ...args: Parameters<AgoraClientEvents[E]>) {
    for (const listener of this.listeners.get(event) ?? []) listener(...args);
  }
}

class FakeLocalTrack implements AgoraLocalTrack {
  muted = false;
  closed = false;
  constructor(readonly source: FakeTrack) {}
  async setMuted(muted: boolean) {
    this.muted = muted;
    // What Agora does to the MediaStreamTrack it was made from.
    this.source.enabled = !muted;
  }
  close() {
    this.closed = true;
    this.source.stop();
  }
}

function fakeSdk(...behaviours: Array<JoinBehaviour | FakeAgoraClient>) {
  const clients: FakeAgoraClient[] = [];
  const sdk: AgoraSdk = {
    createClient() {
      const next = behaviours.shift() ?? 'resolve';
      const client = next instanceof FakeAgoraClient ? next : new FakeAgoraClient(next);
      clients.push(client);
      return client;
    },
    createCustomAudioTrack: (track) => new FakeLocalTrack(track as unknown as FakeTrack),
    createCustomVideoTrack: (track) => new FakeLocalTrack(track as unknown as FakeTrack),
  };
  return { sdk, clients };
}

const JOIN: JoinInfo = { provider: 'agora', channel: 'interview-1', participantId: '1001', displayName: 'Anna', appId: 'a'.repeat(32) };

function setup(...behaviours: Array<JoinBehaviour | FakeAgoraClient>) {
  const { sdk, clients } = fakeSdk(...behaviours);
  let issued = 0;
  const tokens = vi.fn(async (): Promise<CallToken> => ({ token: `token-${++issued}`, expiresAt: Date.now() + 3_600_000 }));
  const call = createAgoraCall(JOIN, tokens, async () => sdk);
  return { call, clients, tokens, ...observeCall(call), client: () => clients.at(-1)! };
}

const states = (events: CallEvent[]) => events.filter((e) => e.type === 'state').map((e) => (e.type === 'state' ? e.state : ''));

beforeEach(() => stubMediaStream());
afterEach(() => vi.unstubAllGlobals());

describe('Agora provider: joining', () => {
  it('joins with the App ID, channel, a fresh token and the numeric uid, and publishes clones of the recorded tracks', async () => {
    const { call, client, tokens, events, camera, mic, options } = setup('resolve');
    await call.connect(options);

    expect(tokens).toHaveBeenCalledWith(JOIN);
    expect(client().joins).toEqual([{ appId: JOIN.appId, channel: 'interview-1', token: 'token-1', uid: 1001 }]);
    const sources = client().published.map((t) => t.source);
    expect(sources.map((t) => t.kind).sort()).toEqual(['audio', 'video']);
    expect(sources.map((t) => t.clonedFrom)).toEqual(expect.arrayContaining([camera, mic]));
    expect(sources).not.toContain(camera);
    expect(states(events)).toEqual(['connecting', 'connected']);
    expect(call.participants()).toEqual([expect.objectContaining({ id: '1001', isLocal: true, hasAudio: true, hasVideo: true })]);
  });

  it('a join that never answers (Agora offline) is given up after the timeout: leave(), a timeout failure, the recording untouched', async () => {
    const { call, client, events, camera, mic, options } = setup('hang');
    const failure = await failureOf(call.connect(options));

    expect(failure.error).toEqual({ kind: 'timeout', detail: 'no answer from Agora within 200 ms' });
    expect(client().leaves).toBeGreaterThanOrEqual(1);
    expect(states(events)).toEqual(['connecting', 'disconnected']);
    expect(events.at(-1)).toMatchObject({ type: 'state', state: 'disconnected', error: { kind: 'timeout' } });
    expect(call.state()).toBe('disconnected');
    // The interview's own tracks go on: the call never held them.
    expect([camera.readyState, mic.readyState, camera.enabled, mic.enabled]).toEqual(['live', 'live', true, true]);
  });

  it('a token that arrives after the timeout starts no join', async () => {
    const { sdk, clients } = fakeSdk('resolve');
    let release!: (token: CallToken) => void;
    const late = new Promise<CallToken>((resolve) => (release = resolve));
    const call = createAgoraCall(
      JOIN,
      () => late,
      async () => sdk,
    );
    expect((await failureOf(call.connect({ tracks: [], timeoutMs: 30 }))).error.kind).toBe('timeout');
    release({ token: 'late' });
    await settle();
    expect(clients[0]!.joins).toEqual([]);
  });

  it.each([
    [
      'CAN_NOT_GET_GATEWAY_SERVER',
      'flag: 4096, message: AgoraRTCError CAN_NOT_GET_GATEWAY_SERVER: invalid vendor key, can not find appid',
      'unreachable',
    ],
    [
      'CAN_NOT_GET_GATEWAY_SERVER',
      'flag: 4096, message: AgoraRTCError CAN_NOT_GET_GATEWAY_SERVER: invalid token, authorized failed',
      'auth',
    ],
    ['CAN_NOT_GET_GATEWAY_SERVER', 'dynamic key expired', 'auth'],
    ['NETWORK_TIMEOUT', 'request timeout', 'unreachable'],
    ['UID_CONFLICT', 'uid conflict', 'rejected'],
    ['INVALID_TOKEN', 'invalid token', 'auth'],
    ['WEB_SECURITY_RESTRICT', 'not in a secure context', 'unsupported'],
    ['SOMETHING_NEW', 'never seen', 'rejected'],
  ])('a join rejected with %s (%s) is %s, the code kept in detail', async (code, message, kind) => {
    const { call, client, options } = setup({ reject: { code, message } });
    const failure = await failureOf(call.connect(options));
    expect(failure.error.kind).toBe(kind);
    expect(failure.error.detail.startsWith(`${code}: `)).toBe(true);
    expect(client().leaves).toBe(1);
    expect(call.state()).toBe('disconnected');
  });

  it('a failure to publish is media-denied and leaves the channel', async () => {
    const client = new FakeAgoraClient(
      'resolve',
      Object.assign(new Error('AgoraRTCError TRACK_IS_DISABLED: track is disabled'), { code: 'TRACK_IS_DISABLED' }),
    );
    const { call, options } = setup(client);
    const failure = await failureOf(call.connect(options));
    expect(failure.error).toEqual({
      kind: 'media-denied',
      detail: 'TRACK_IS_DISABLED: AgoraRTCError TRACK_IS_DISABLED: track is disabled',
    });
    expect(client.leaves).toBe(1);
  });

  it('a token source that fails is an auth failure; one that says why (a CallFailure) keeps its kind', async () => {
    const { sdk } = fakeSdk('resolve', 'resolve');
    const broken = createAgoraCall(
      JOIN,
      async () => Promise.reject(new Error('HTTP 403')),
      async () => sdk,
    );
    expect((await failureOf(broken.connect({ tracks: [], timeoutMs: 200 }))).error).toEqual({
      kind: 'auth',
      detail: 'token: Error: HTTP 403',
    });
    const offline = createAgoraCall(
      JOIN,
      async () => Promise.reject(new CallFailure({ kind: 'unreachable', detail: 'token endpoint down' })),
      async () => sdk,
    );
    expect((await failureOf(offline.connect({ tracks: [], timeoutMs: 200 }))).error.kind).toBe('unreachable');
  });

  it('without an App ID it fails before any SDK call', async () => {
    const { sdk, clients } = fakeSdk();
    const call = createAgoraCall(
      { ...JOIN, appId: undefined },
      async () => ({ token: 't' }),
      async () => sdk,
    );
    expect((await failureOf(call.connect({ tracks: [], timeoutMs: 200 }))).error).toEqual({
      kind: 'rejected',
      detail: 'no Agora App ID (backends.agora.appId)',
    });
    expect(clients).toEqual([]);
  });
});

describe('Agora provider: in the call', () => {
  const connected = () => joined(setup('resolve'));

  it('remote users: joined, published (subscribed, shown in an attached element), muted, left', async () => {
    const { call, client, events } = await connected();
    const remoteVideo = fakeTrack('video');
    const remoteAudio = fakeTrack('audio');
    const receiver = {
      getStats: async () => fakeStatsReport([{ type: 'inbound-rtp', kind: 'video', framesDecoded: 240, packetsLost: 3 }]),
    };
    const user: AgoraRemoteUser = {
      uid: 2002,
      hasAudio: false,
      hasVideo: false,
      videoTrack: {
        getMediaStreamTrack: () => asTrack(remoteVideo),
        getRTCRtpTransceiver: () => ({ receiver }) as unknown as RTCRtpTransceiver,
      },
      audioTrack: { getMediaStreamTrack: () => asTrack(remoteAudio), getRTCRtpTransceiver: () => undefined },
    };
    const { element, asElement } = fakeVideoElement();
    const detach = call.attach('2002', asElement);
    expect(element.srcObject).toBeNull();

    client().fire('user-joined', user);
    client().fire('user-published', user, 'video');
    client().fire('user-published', user, 'audio');
    client().fire('user-published', user, 'datachannel');
    await settle();
    expect(client().subscribed).toEqual([
      [2002, 'video'],
      [2002, 'audio'],
    ]);
    expect(element.srcObject?.tracks).toEqual([remoteVideo, remoteAudio]);
    expect(call.participants()[1]).toMatchObject({ id: '2002', isLocal: false, hasVideo: true, hasAudio: true });

    client().fire('user-info-updated', 2002, 'mute-audio');
    expect(call.participants()[1]).toMatchObject({ audioMuted: true });
    const stats = await call.stats();
    expect(stats).toEqual({
      rttMs: 42,
      sendBitsPerSecond: 1_200_000,
      receiveBitsPerSecond: 900_000,
      framesDecoded: { '2002': 240 },
      packetsLost: 3,
    });

    client().fire('user-unpublished', user, 'video');
    expect(element.srcObject?.tracks).toEqual([remoteAudio]);
    client().fire('user-left', user, 'Quit');
    expect(element.srcObject).toBeNull();
    expect(events.map((e) => e.type)).toEqual([
      'participant-joined',
      'participant-updated',
      'participant-updated',
      'participant-updated',
      'participant-updated',
      'participant-left',
    ]);
    detach();
    expect(call.participants()).toHaveLength(1);
  });

  it('network quality is Agora’s 0–6 as it is, for this participant', async () => {
    const { client, events } = await connected();
    client().fire('network-quality', { uplinkNetworkQuality: 1, downlinkNetworkQuality: 5 });
    client().fire('network-quality', { uplinkNetworkQuality: 9, downlinkNetworkQuality: 6 });
    expect(events).toEqual([
      { type: 'quality', participantId: '1001', uplink: 1, downlink: 5 },
      { type: 'quality', participantId: '1001', uplink: 0, downlink: 6 },
    ]);
  });

  it('renews the token before it expires with a fresh one from the token source; a failed renewal is an auth error event', async () => {
    const { client, tokens, events } = await connected();
    client().fire('token-privilege-will-expire');
    await settle();
    expect(tokens).toHaveBeenCalledTimes(2);
    expect(client().renewed).toEqual(['token-2']);

    tokens.mockRejectedValueOnce(new Error('endpoint down'));
    client().fire('token-privilege-will-expire');
    await settle();
    expect(events).toEqual([{ type: 'error', error: { kind: 'auth', detail: 'renewing the token: token: Error: endpoint down' } }]);
  });

  it('a token that expired anyway ends the call with auth', async () => {
    const { call, client, events } = await connected();
    client().fire('token-privilege-did-expire');
    await settle();
    expect(call.state()).toBe('disconnected');
    expect(events.at(-1)).toMatchObject({ type: 'state', state: 'disconnected', error: { kind: 'auth' } });
    expect(client().leaves).toBe(1);
  });

  it('Agora’s reconnection shows as reconnecting/connected; a ban ends the call as kicked; our own leave ends it without error', async () => {
    const { call, client, events } = await connected();
    client().fire('connection-state-change', 'RECONNECTING', 'CONNECTED', 'NETWORK_ERROR');
    client().fire('connection-state-change', 'CONNECTED', 'RECONNECTING');
    expect(states(events)).toEqual(['reconnecting', 'connected']);
    client().fire('connection-state-change', 'DISCONNECTED', 'CONNECTED', 'UID_BANNED');
    await settle();
    expect(events.at(-1)).toEqual({ type: 'state', state: 'disconnected', error: { kind: 'kicked', detail: 'UID_BANNED' } });
    expect(call.state()).toBe('disconnected');

    const again = await connected();
    again.client().fire('connection-state-change', 'DISCONNECTED', 'CONNECTED', 'LEAVE');
    expect(again.call.state()).toBe('connected');
    await again.call.disconnect();
    expect(again.events.at(-1)).toEqual({ type: 'state', state: 'disconnected' });
  });

  it('mute goes to the published clone only: the recorded track stays enabled', async () => {
    const { call, client, camera } = await connected();
    await call.setMuted('video', true);
    const video = client().published.find((t) => t.source.kind === 'video')!;
    expect([video.muted, video.source.enabled, camera.enabled]).toEqual([true, false, true]);
    expect(call.participants()[0]).toMatchObject({ videoMuted: true });
  });

  it('reconnect leaves, makes a new client and joins with a new token; disconnect stops the clones but not the recorded tracks', async () => {
    const { call, clients, camera } = await connected();
    await call.reconnect();
    expect(clients).toHaveLength(2);
    expect(clients[0]!.leaves).toBe(1);
    expect(clients[1]!.joins[0]!.token).toBe('token-2');
    await call.disconnect();
    expect(clients[1]!.published.every((t) => t.closed && t.source.readyState === 'ended')).toBe(true);
    expect(camera.readyState).toBe('live');
  });
});
