import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CallEvent, JoinInfo } from '../../src/renderer/features/call/interview-call';
import { createAgoraNativeProxy, WINDOW_START_MS, type NativeCallApi } from '../../src/renderer/features/call/providers/agora-native-proxy';
import type { NativeCallCommand, NativeCallReport } from '../../src/shared/call/native-call-protocol';
import { failureOf, observeCall, settle } from '../support/fake-call-media';

const JOIN: JoinInfo = {
  provider: 'agora',
  channel: 'interview-1',
  participantId: '1001',
  displayName: 'Anna',
  appId: 'a'.repeat(32),
  agoraSdk: 'native',
};

/** window.api's two members the proxy uses: commands recorded and answered, reports pushed by the test. */
function fakeApi(answer: { accepted: boolean; detail?: string } = { accepted: true }) {
  const commands: NativeCallCommand[] = [];
  const listeners = new Set<(report: NativeCallReport) => void>();
  const api = {
    nativeCall: async (command: NativeCallCommand) => (commands.push(command), answer),
    on: (_event: 'nativeCallReport', listener: (report: NativeCallReport) => void) => {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
  } as unknown as NativeCallApi;
  const report = (message: NativeCallReport) => listeners.forEach((listener) => listener(message));
  const event = (e: CallEvent) => report({ type: 'event', event: e } as NativeCallReport);
  return { api, commands, report, event, listeners };
}

function setup(answer?: { accepted: boolean; detail?: string }) {
  const fake = fakeApi(answer);
  const call = createAgoraNativeProxy(JOIN, fake.api);
  return { call, ...fake, ...observeCall(call), options: { tracks: [], timeoutMs: 5_000 } };
}

const states = (events: CallEvent[]) => events.flatMap((e) => (e.type === 'state' ? [e.state] : []));

afterEach(() => vi.useRealTimers());

describe('Agora native proxy (the interview window’s side)', () => {
  it('where the native SDK cannot run, connect fails as unsupported with the main process’s words', async () => {
    const { call, events, options } = setup({
      accepted: false,
      detail: "Agora's native SDK runs only in the desktop app on Windows and macOS",
    });
    const failure = await failureOf(call.connect(options));
    expect(failure.error).toEqual({ kind: 'unsupported', detail: "Agora's native SDK runs only in the desktop app on Windows and macOS" });
    expect(states(events)).toEqual(['connecting', 'disconnected']);

    const nowhere = createAgoraNativeProxy(JOIN, undefined);
    expect((await failureOf(nowhere.connect(options))).error.kind).toBe('unsupported');
  });

  it('connects when the call window says so, and mirrors its participants, quality and stats', async () => {
    const { call, commands, event, report, events, options } = setup();
    const connecting = call.connect(options);
    await settle();
    expect(commands).toEqual([
      { command: 'connect', channel: 'interview-1', participantId: '1001', displayName: 'Anna', timeoutMs: 5_000 },
    ]);
    event({ type: 'state', state: 'connecting' });
    event({ type: 'state', state: 'connected' });
    await connecting;

    const remote = { id: '2002', isLocal: false, hasAudio: true, hasVideo: true, audioMuted: false, videoMuted: false };
    event({ type: 'participant-joined', participant: remote });
    event({ type: 'quality', participantId: '1001', uplink: 1, downlink: 2 });
    report({ type: 'stats', stats: { rttMs: 40, framesDecoded: { '2002': 300 } } });
    expect(states(events)).toEqual(['connecting', 'connected']);
    expect(call.participants()).toEqual([expect.objectContaining({ id: '1001', isLocal: true, hasAudio: true, hasVideo: true }), remote]);
    expect(events.filter((e) => e.type === 'quality')).toEqual([{ type: 'quality', participantId: '1001', uplink: 1, downlink: 2 }]);
    expect(await call.stats()).toEqual({ rttMs: 40, framesDecoded: { '2002': 300 } });
  });

  it('a join the call window reports as failed fails connect with its kind', async () => {
    const { call, event, options } = setup();
    const connecting = call.connect(options);
    await settle();
    event({ type: 'state', state: 'disconnected', error: { kind: 'auth', detail: 'ConnectionChangedInvalidToken (8)' } });
    expect((await failureOf(connecting)).error).toEqual({ kind: 'auth', detail: 'ConnectionChangedInvalidToken (8)' });
    expect(call.state()).toBe('disconnected');
  });

  it('a call window that never answers is given up after the join timeout plus its start-up, and told to leave', async () => {
    vi.useFakeTimers();
    const { call, commands, options } = setup();
    const failing = failureOf(call.connect(options));
    await vi.advanceTimersByTimeAsync(options.timeoutMs + WINDOW_START_MS);
    expect((await failing).error.kind).toBe('timeout');
    expect(commands.map((c) => c.command)).toEqual(['connect', 'disconnect']);
  });

  it('in the call: reconnecting and drops mirrored, mute and leave relayed, nothing heard after leaving', async () => {
    const { call, commands, event, events, listeners, options } = setup();
    const connecting = call.connect(options);
    await settle();
    event({ type: 'state', state: 'connected' });
    await connecting;
    event({ type: 'state', state: 'reconnecting', error: { kind: 'dropped', detail: 'ConnectionChangedInterrupted (2)' } });
    event({ type: 'state', state: 'connected' });
    await call.setMuted('audio', true);
    expect(call.participants()[0]).toMatchObject({ audioMuted: true });
    await call.disconnect();
    expect(commands.map((c) => c.command)).toEqual(['connect', 'mute', 'disconnect']);
    expect(commands[1]).toEqual({ command: 'mute', kind: 'audio', muted: true });
    expect(listeners.size).toBe(0);
    expect(states(events)).toEqual(['connecting', 'connected', 'reconnecting', 'connected', 'disconnected']);
    // The other participant is shown in the call window: attaching here shows nothing and breaks nothing.
    expect(call.attach('2002', {} as HTMLVideoElement)).toBeTypeOf('function');
  });
});
