import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CallToken, JoinInfo } from '../../src/renderer/features/call/interview-call';
import { createLivekitCall } from '../../src/renderer/features/call/providers/livekit-call';
import type {
  LivekitFailure,
  LivekitPublication,
  LivekitRemoteTrack,
  LivekitRoom,
  LivekitRoomEvents,
  LivekitSdk,
} from '../../src/renderer/features/call/providers/livekit-seam';
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

type ConnectBehaviour = 'resolve' | 'hang' | { reject: LivekitFailure };

class FakePublication implements LivekitPublication {
  muted = false;
  constructor(readonly track: FakeTrack) {}
  async mute() {
    this.muted = true;
    this.track.enabled = false;
  }
  async unmute() {
    this.muted = false;
    this.track.enabled = true;
  }
  bitrate = () => (this.track.kind === 'video' ? 1_000_000 : 32_000);
}

/** livekit-client as the seam sees it. */
class FakeRoom implements LivekitRoom {
  connects: Array<{ url: string; token: string }> = [];
  published: Array<{ publication: FakePublication; source: string }> = [];
  disconnects = 0;
  listeners = new Map<string, Array<(...args: unknown[]) => void>>();
  private rejectConnect?: (failure: LivekitFailure) => void;

  constructor(private readonly behaviour: ConnectBehaviour) {}

  connect(url: string, token: string): Promise<void> {
    this.connects.push({ url, token });
    if (this.behaviour === 'resolve') return Promise.resolve();
    if (this.behaviour === 'hang') return new Promise((_, reject) => (this.rejectConnect = reject));
    return Promise.reject(this.behaviour.reject);
  }
  async disconnect() {
    this.disconnects++;
    this.rejectConnect?.({ reason: 'Cancelled', message: 'Client initiated disconnect' });
  }
  async publish(track: MediaStreamTrack, source: 'camera' | 'microphone') {
    const publication = new FakePublication(track as unknown as FakeTrack);
    this.published.push({ publication, source });
    return publication;
  }
  rttMs = () => 35;
  on<E extends keyof LivekitRoomEvents>(event: E, listener: LivekitRoomEvents[E]) {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener as (...args: unknown[]) => void]);
  }
  removeAllListeners() {
    this.listeners.clear();
  }
  fire<E extends keyof LivekitRoomEvents>(event: E, ...args: Parameters<LivekitRoomEvents[E]>) {
    for (const listener of this.listeners.get(event) ?? []) listener(...args);
  }
}

const JOIN: JoinInfo = {
  provider: 'livekit',
  channel: 'room-1',
  participantId: 'candidate',
  displayName: 'Anna',
  serverUrl: 'wss://lk.example',
};

function setup(...behaviours: ConnectBehaviour[]) {
  const rooms: FakeRoom[] = [];
  const sdk: LivekitSdk = {
    createRoom() {
      const room = new FakeRoom(behaviours.shift() ?? 'resolve');
      rooms.push(room);
      return room;
    },
  };
  let issued = 0;
  const tokens = vi.fn(async (): Promise<CallToken> => ({ token: `jwt-${++issued}` }));
  const call = createLivekitCall(JOIN, tokens, async () => sdk);
  return { call, rooms, room: () => rooms.at(-1)!, tokens, ...observeCall(call) };
}

function remoteTrack(kind: 'audio' | 'video', framesDecoded = 0): { track: FakeTrack; remote: LivekitRemoteTrack } {
  const track = fakeTrack(kind);
  const report = fakeStatsReport([{ type: 'inbound-rtp', kind, framesDecoded, packetsLost: 1 }]);
  return {
    track,
    remote: { kind, mediaStreamTrack: asTrack(track), stats: async () => report, bitrate: () => (kind === 'video' ? 800_000 : 30_000) },
  };
}

beforeEach(() => stubMediaStream());
afterEach(() => vi.unstubAllGlobals());

describe('LiveKit provider: connecting', () => {
  it('connects to the configured server with a fresh token each time and publishes clones as camera and microphone', async () => {
    const { call, rooms, room, camera, options } = setup('resolve', 'resolve');
    await call.connect(options);
    expect(room().connects).toEqual([{ url: 'wss://lk.example', token: 'jwt-1' }]);
    expect(
      room()
        .published.map((p) => p.source)
        .sort(),
    ).toEqual(['camera', 'microphone']);
    expect(room().published.find((p) => p.source === 'camera')!.publication.track.clonedFrom).toBe(camera);

    await call.reconnect();
    expect(rooms).toHaveLength(2);
    expect(rooms[0]!.disconnects).toBe(1);
    expect(rooms[1]!.connects).toEqual([{ url: 'wss://lk.example', token: 'jwt-2' }]);
  });

  it.each([
    [
      { reason: 'ServerUnreachable', message: 'could not establish signal connection' },
      'unreachable',
      'ServerUnreachable: could not establish signal connection',
    ],
    [{ reason: 'NotAllowed', status: 401, message: 'invalid token' }, 'auth', 'NotAllowed: HTTP 401: invalid token'],
    [{ reason: 'ServiceNotFound', message: 'no /rtc' }, 'unreachable', 'ServiceNotFound: no /rtc'],
    [
      { reason: 'LeaveRequest', disconnectReason: 'DUPLICATE_IDENTITY', message: 'left' },
      'rejected',
      'LeaveRequest: DUPLICATE_IDENTITY: left',
    ],
    [{ reason: 'LeaveRequest', disconnectReason: 'ROOM_DELETED', message: 'left' }, 'kicked', 'LeaveRequest: ROOM_DELETED: left'],
    [{ reason: 'InternalError', status: 500, message: 'server error' }, 'rejected', 'InternalError: HTTP 500: server error'],
    [{ reason: 'Timeout', message: 'pc connection timeout' }, 'timeout', 'Timeout: pc connection timeout'],
  ] satisfies Array<[LivekitFailure, string, string]>)('a connect rejected with %o is %s', async (failure, kind, detail) => {
    const { call, room, options } = setup({ reject: failure });
    expect((await failureOf(call.connect(options))).error).toEqual({ kind, detail });
    expect(room().disconnects).toBe(1);
    expect(call.state()).toBe('disconnected');
  });

  it('a connect that hangs is given up after the timeout with disconnect()', async () => {
    const { call, room, events, camera, options } = setup('hang');
    expect((await failureOf(call.connect(options))).error).toEqual({ kind: 'timeout', detail: 'no answer from LiveKit within 200 ms' });
    expect(room().disconnects).toBeGreaterThanOrEqual(1);
    expect(events.at(-1)).toMatchObject({ state: 'disconnected', error: { kind: 'timeout' } });
    expect(camera.readyState).toBe('live');
  });

  it('without a server URL it fails before any SDK call', async () => {
    const call = createLivekitCall(
      { ...JOIN, serverUrl: undefined },
      async () => ({ token: 't' }),
      async () => ({ createRoom: () => expect.unreachable() }),
    );
    expect((await failureOf(call.connect({ tracks: [], timeoutMs: 100 }))).error).toEqual({
      kind: 'rejected',
      detail: 'no LiveKit server URL (backends.livekit.url)',
    });
  });

  it('an SDK that cannot be loaded is unsupported', async () => {
    const call = createLivekitCall(
      JOIN,
      async () => ({ token: 't' }),
      async () => Promise.reject(new Error('Failed to fetch dynamically imported module')),
    );
    expect((await failureOf(call.connect({ tracks: [], timeoutMs: 100 }))).error).toEqual({
      kind: 'unsupported',
      detail: 'livekit-client could not be loaded: Error: Failed to fetch dynamically imported module',
    });
  });
});

describe('LiveKit provider: in the room', () => {
  const connected = () => joined(setup('resolve'));

  it('participants, their tracks (attached), mute state and stats', async () => {
    const { call, room, events } = await connected();
    const interviewer = { identity: 'interviewer', name: 'Boris' };
    const video = remoteTrack('video', 120);
    const audio = remoteTrack('audio');
    const { element, asElement } = fakeVideoElement();
    call.attach('interviewer', asElement);

    room().fire('participantJoined', interviewer);
    room().fire('trackSubscribed', interviewer, video.remote);
    room().fire('trackSubscribed', interviewer, audio.remote);
    room().fire('trackMuted', interviewer, 'video', true);
    expect(element.srcObject?.tracks).toEqual([video.track, audio.track]);
    expect(call.participants()[1]).toEqual({
      id: 'interviewer',
      displayName: 'Boris',
      isLocal: false,
      hasAudio: true,
      hasVideo: true,
      audioMuted: false,
      videoMuted: true,
    });
    expect(await call.stats()).toEqual({
      rttMs: 35,
      sendBitsPerSecond: 1_032_000,
      receiveBitsPerSecond: 830_000,
      framesDecoded: { interviewer: 120 },
      packetsLost: 1,
    });
    room().fire('trackUnsubscribed', interviewer, video.remote);
    room().fire('participantLeft', interviewer);
    expect(element.srcObject).toBeNull();
    expect(events.map((e) => e.type)).toEqual([
      'participant-joined',
      'participant-updated',
      'participant-updated',
      'participant-updated',
      'participant-updated',
      'participant-left',
    ]);
  });

  it('ConnectionQuality maps onto 0–6: excellent 1, good 2, poor 4, lost 6, unknown 0', async () => {
    const { room, events } = await connected();
    for (const quality of ['excellent', 'good', 'poor', 'lost', 'unknown'] as const) room().fire('quality', null, quality);
    room().fire('quality', { identity: 'interviewer' }, 'poor');
    expect(events.map((e) => (e.type === 'quality' ? [e.participantId, e.uplink, e.downlink] : e.type))).toEqual([
      ['candidate', 1, 1],
      ['candidate', 2, 2],
      ['candidate', 4, 4],
      ['candidate', 6, 6],
      ['candidate', 0, 0],
      ['interviewer', 4, 4],
    ]);
  });

  it('reconnecting and reconnected; a removal ends the call as kicked; our own disconnect ends it without error', async () => {
    const { call, room, events } = await connected();
    room().fire('reconnecting');
    room().fire('reconnecting');
    room().fire('reconnected');
    room().fire('disconnected', 'PARTICIPANT_REMOVED');
    await settle();
    expect(events).toEqual([
      { type: 'state', state: 'reconnecting' },
      { type: 'state', state: 'connected' },
      { type: 'state', state: 'disconnected', error: { kind: 'kicked', detail: 'PARTICIPANT_REMOVED' } },
    ]);
    expect(call.state()).toBe('disconnected');

    const again = await connected();
    again.room().fire('disconnected', 'CLIENT_INITIATED');
    expect(again.call.state()).toBe('connected');
    again.room().fire('disconnected', 'SIGNAL_CLOSE');
    await settle();
    expect(again.events.at(-1)).toEqual({ type: 'state', state: 'disconnected', error: { kind: 'dropped', detail: 'SIGNAL_CLOSE' } });
  });

  it('mute and unmute go to the publication of the clone; the recorded track is never disabled', async () => {
    const { call, room, camera } = await connected();
    await call.setMuted('video', true);
    const published = room().published.find((p) => p.source === 'camera')!.publication;
    expect([published.muted, published.track.enabled, camera.enabled]).toEqual([true, false, true]);
    await call.setMuted('video', false);
    expect(published.muted).toBe(false);
  });
});
