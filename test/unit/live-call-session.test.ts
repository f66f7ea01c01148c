// The candidate's call beside the recording, against a fake InterviewCall and a fake core: when the core is told
// the candidate is in (its cloud recordings start then), what the screen shows, and each drop as one proctoring event.
import { describe, expect, it, vi } from 'vitest';
import { CallFailure, type CallEvent, type InterviewCall } from '../../src/renderer/features/call/interview-call';
import { startLiveCall, type LiveCallStatus } from '../../src/renderer/features/call/live-call-session';
import { settle } from '../support/fake-call-media';

function fakeCall(connects: Array<() => Promise<void>>) {
  const listeners = new Set<(event: CallEvent) => void>();
  let attempt = 0;
  const call = {
    provider: 'dev',
    connect: vi.fn(() => connects[Math.min(attempt++, connects.length - 1)]!()),
    disconnect: vi.fn(async () => undefined),
    on: (listener: (event: CallEvent) => void) => (listeners.add(listener), () => listeners.delete(listener)),
    attach: vi.fn(() => () => undefined),
  } as unknown as InterviewCall;
  return { call, emit: (event: CallEvent) => listeners.forEach((l) => l(event)) };
}

function setup(connects: Array<() => Promise<void>>, firstTokenError?: Error) {
  let clock = 1_000_000;
  const fake = fakeCall(connects);
  const statuses: LiveCallStatus[] = [];
  const marks: Array<{ kind: string; data?: Record<string, unknown> }> = [];
  const api = {
    getCallToken: vi.fn(async () => ({ ticket: 't', expiresAt: Date.now() + 600_000, serverUrl: 'ws://x', joinTimeoutSeconds: 5 })),
    callJoined: vi.fn(async () => null),
  };
  if (firstTokenError) api.getCallToken.mockRejectedValueOnce(firstTokenError);
  const session = startLiveCall({
    api,
    factories: { dev: () => fake.call, agora: () => fake.call, livekit: () => fake.call },
    live: { provider: 'dev', channel: 'room-1' },
    recordingId: 'rec-1',
    participantId: 'candidate-1',
    displayName: 'Ann',
    tracks: [],
    mark: (kind, data) => marks.push({ kind, data }),
    onStatus: (status) => statuses.push(status),
    now: () => clock,
    retryMs: 5,
  });
  return { ...fake, api, session, statuses, marks, advance: (ms: number) => (clock += ms) };
}

const ok = () => Promise.resolve();
const unreachable = () => Promise.reject(new CallFailure({ kind: 'unreachable', detail: 'no server' }));

describe('the candidate’s live call', () => {
  it('tells the core once, after the call is connected, and shows the interviewer who joins', async () => {
    const t = setup([ok]);
    await settle();
    await settle();
    expect(t.api.getCallToken).toHaveBeenCalledWith({ provider: 'dev', channel: 'room-1', participantId: 'candidate-1' });
    expect(t.api.callJoined).toHaveBeenCalledExactlyOnceWith({ recordingId: 'rec-1' });
    expect(t.session.status()).toMatchObject({ phase: 'connected' });
    t.emit({
      type: 'participant-joined',
      participant: { id: 'boss', isLocal: false, hasAudio: true, hasVideo: true, audioMuted: false, videoMuted: false },
    });
    expect(t.statuses.at(-1)).toMatchObject({ remoteId: 'boss' });
    t.emit({ type: 'participant-left', participantId: 'boss' });
    expect(t.statuses.at(-1)!.remoteId).toBeUndefined();
  });

  it('shows why it cannot join, never tells the core, and tries again while the interview goes on', async () => {
    const t = setup([unreachable, unreachable, ok]);
    await vi.waitFor(() => expect(t.session.status().phase).toBe('connected'));
    expect(t.statuses.filter((s) => s.phase === 'failed').map((s) => s.error?.kind)).toEqual(['unreachable', 'unreachable']);
    expect(t.api.callJoined).toHaveBeenCalledTimes(1);
    expect(t.marks).toEqual([]);
  });

  it('takes a token failure from another bundle’s IpcError (the browser host’s bridge) by its code and kind', async () => {
    const foreign = Object.assign(new Error('The development call server refused a token (HTTP 500).'), {
      name: 'IpcError',
      code: 'BACKEND_ERROR',
      details: { backend: 'dev', kind: 'server', status: 500 },
    });
    const t = setup([ok], foreign);
    await vi.waitFor(() => expect(t.session.status().phase).toBe('connected'));
    expect(t.statuses.find((s) => s.phase === 'failed')?.error).toEqual({
      kind: 'unreachable',
      detail: 'BACKEND_ERROR: The development call server refused a token (HTTP 500).',
    });
  });

  it('stops trying after a refusal another try cannot cure', async () => {
    const t = setup([() => Promise.reject(new CallFailure({ kind: 'auth', detail: 'bad token' })), ok]);
    await vi.waitFor(() => expect(t.session.status().phase).toBe('failed'));
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(t.call.connect).toHaveBeenCalledTimes(1);
    expect(t.api.callJoined).not.toHaveBeenCalled();
  });

  it('records a drop as one proctoring event with the time it was down, when the call is back', async () => {
    const t = setup([ok]);
    await vi.waitFor(() => expect(t.session.status().phase).toBe('connected'));
    t.emit({ type: 'state', state: 'reconnecting', error: { kind: 'dropped', detail: 'socket closed' } });
    t.advance(12_000);
    expect(t.session.status()).toMatchObject({ phase: 'reconnecting', downSince: 1_000_000 });
    t.emit({ type: 'state', state: 'reconnecting' });
    t.advance(8_000);
    expect(t.marks).toEqual([]);
    t.emit({ type: 'state', state: 'connected' });
    expect(t.marks).toEqual([
      {
        kind: 'call.dropped',
        data: { provider: 'dev', downMs: 20_000, downSince: new Date(1_000_000).toISOString(), reason: 'dropped', recovered: true },
      },
    ]);
    expect(t.session.status()).toMatchObject({ phase: 'connected', downSince: undefined });
    expect(t.api.callJoined).toHaveBeenCalledTimes(1);
  });

  it('records a drop that never came back when the interview ends, and leaves the call', async () => {
    const t = setup([ok]);
    await vi.waitFor(() => expect(t.session.status().phase).toBe('connected'));
    t.emit({ type: 'state', state: 'disconnected', error: { kind: 'dropped', detail: 'gave up' } });
    expect(t.session.status()).toMatchObject({ phase: 'failed', error: { kind: 'dropped' } });
    t.advance(7_000);
    await t.session.stop();
    expect(t.marks).toEqual([{ kind: 'call.dropped', data: expect.objectContaining({ downMs: 7_000, recovered: false }) }]);
    expect(t.call.disconnect).toHaveBeenCalled();
    await t.session.stop();
    expect(t.marks).toHaveLength(1);
  });
});
