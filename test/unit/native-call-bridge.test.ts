import { EventEmitter } from 'node:events';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createNativeCallBridge, type CallWindow } from '../../src/main/ipc/native-call-bridge';
import { NATIVE_CALL_IPC, type NativeCallReport } from '../../src/shared/call/native-call-protocol';
import type { CallTokenRequest } from '../../src/shared/domain/call-join';

/** A call window as the bridge sees it: its main frame at the call window's origin, what was sent to it, its closing. */
class FakeCallWindow extends EventEmitter implements CallWindow {
  mainFrame = { origin: 'app://native-call' };
  sent: unknown[] = [];
  destroyed = false;
  webContents = {
    send: (channel: string, payload: unknown) => void this.sent.push([channel, payload]),
    mainFrame: this.mainFrame,
    isDestroyed: () => this.destroyed,
  };
  isDestroyed = () => this.destroyed;
  close() {
    this.destroyed = true;
    this.emit('closed');
  }
  /** An IPC event from this window's main frame, or from another frame of it. */
  sender(frame: { origin: string } = this.mainFrame) {
    return { sender: this.webContents, senderFrame: frame };
  }
}

const CONNECT = { command: 'connect', channel: 'interview-1', participantId: '1001', displayName: 'Anna', timeoutMs: 15_000 } as const;

function setup(
  tokenAnswer: () => Promise<unknown> = async () => ({ ticket: 'tkt-1', expiresAt: 1_900_000_000_000, joinTimeoutSeconds: 15 }),
) {
  const handlers = new Map<string, (event: unknown, payload?: unknown) => unknown>();
  const windows: FakeCallWindow[] = [];
  const reports: NativeCallReport[] = [];
  const warnings: string[] = [];
  const tokenRequests: CallTokenRequest[] = [];
  const bridge = createNativeCallBridge({
    ipcMain: {
      handle: (channel: string, fn: (event: unknown, payload?: unknown) => unknown) => void handlers.set(channel, fn),
      on: (channel: string, fn: (event: unknown, payload?: unknown) => unknown) => void handlers.set(channel, fn),
    } as never,
    openWindow: () => {
      const window = new FakeCallWindow();
      windows.push(window);
      return window;
    },
    tokens: async (request) => {
      tokenRequests.push(request);
      return (await tokenAnswer()) as never;
    },
    appId: () => 'a'.repeat(32),
    report: (message) => void reports.push(message),
    redact: (text) => text.replaceAll('s3cret', '[redacted]'),
    warn: (message) => void warnings.push(message),
    leaveGraceMs: 1_000,
  });
  const on = (channel: string) => handlers.get(channel)!;
  return { bridge, windows, reports, warnings, tokenRequests, on, window: () => windows.at(-1)! };
}

const disconnected = { type: 'event', event: { type: 'state', state: 'disconnected' } } as const;

afterEach(() => vi.useRealTimers());

describe('native call bridge: the call window’s channels', () => {
  it('a connect opens a call window, which learns what to join and gets tokens for exactly that join', async () => {
    const { bridge, windows, window, on, tokenRequests } = setup();
    expect(bridge.command(CONNECT)).toEqual({ accepted: true });
    expect(windows).toHaveLength(1);

    expect(await on(NATIVE_CALL_IPC.order)(window().sender())).toEqual({
      channel: 'interview-1',
      participantId: '1001',
      displayName: 'Anna',
      timeoutMs: 15_000,
      appId: 'a'.repeat(32),
    });
    expect(await on(NATIVE_CALL_IPC.token)(window().sender())).toEqual({ ticket: 'tkt-1', expiresAt: 1_900_000_000_000 });
    expect(tokenRequests).toEqual([{ provider: 'agora', channel: 'interview-1', participantId: '1001' }]);
  });

  it('a token the core cannot get is an error of the call’s kind, its words redacted', async () => {
    const refusal = Object.assign(new Error('The Agora token endpoint refused (HTTP 401): key s3cret'), { kind: 'auth' });
    const { bridge, window, on } = setup(async () => Promise.reject(refusal));
    bridge.command(CONNECT);
    expect(await on(NATIVE_CALL_IPC.token)(window().sender())).toEqual({
      error: { kind: 'auth', detail: 'The Agora token endpoint refused (HTTP 401): key [redacted]' },
    });
  });

  it('refuses every other sender: the interview window, a frame inside the call window, a call window of an earlier call', async () => {
    const { bridge, window, on, reports, warnings } = setup();
    bridge.command(CONNECT);
    const first = window();
    const interview = { sender: { mainFrame: {} }, senderFrame: { origin: 'app://interview-recorder' } };
    await expect(on(NATIVE_CALL_IPC.order)(interview)).rejects.toThrow('refused');
    await expect(on(NATIVE_CALL_IPC.token)(first.sender({ origin: 'app://native-call' }))).rejects.toThrow('refused');

    bridge.command(CONNECT);
    await expect(on(NATIVE_CALL_IPC.token)(first.sender())).rejects.toThrow('refused');
    on(NATIVE_CALL_IPC.report)(first.sender(), disconnected);
    expect(reports).toEqual([]);
    expect(warnings).toHaveLength(4);
    expect(await on(NATIVE_CALL_IPC.order)(window().sender())).toMatchObject({ channel: 'interview-1' });
  });

  it('passes on reports that match the call’s events and stats, and drops anything else', () => {
    const { bridge, window, on, reports, warnings } = setup();
    bridge.command(CONNECT);
    const report = on(NATIVE_CALL_IPC.report);
    const quality = { type: 'event', event: { type: 'quality', participantId: '2002', uplink: 1, downlink: 2 } };
    const stats = { type: 'stats', stats: { rttMs: 40, framesDecoded: { '2002': 300 } } };
    report(window().sender(), quality);
    report(window().sender(), stats);
    report(window().sender(), { type: 'event', event: { type: 'quality', participantId: '2002', uplink: 9, downlink: 2 } });
    report(window().sender(), { type: 'event', event: { type: 'error', error: { kind: 'on-fire', detail: 'x' } } });
    report(window().sender(), { type: 'script', code: 'require("child_process")' });
    report(window().sender(), { ...stats, extra: true });
    expect(reports).toEqual([quality, stats]);
    expect(warnings).toHaveLength(4);
  });
});

describe('native call bridge: commands and the window’s end', () => {
  it('relays mute and leave to the call window; a window that does not close after leaving is closed', () => {
    vi.useFakeTimers();
    const { bridge, window, reports } = setup();
    bridge.command(CONNECT);
    bridge.command({ command: 'mute', kind: 'video', muted: true });
    bridge.command({ command: 'disconnect' });
    expect(window().sent).toEqual([
      [NATIVE_CALL_IPC.command, { command: 'mute', kind: 'video', muted: true }],
      [NATIVE_CALL_IPC.command, { command: 'disconnect' }],
    ]);
    expect(window().destroyed).toBe(false);
    vi.advanceTimersByTime(1_000);
    expect(window().destroyed).toBe(true);
    expect(reports).toEqual([]);
  });

  it('a window closed by the person is a dropped call; one that said it left, or that a new call replaced, is not', () => {
    const { bridge, windows, window, on, reports } = setup();
    bridge.command(CONNECT);
    window().close();
    expect(reports).toEqual([
      { type: 'event', event: { type: 'state', state: 'disconnected', error: { kind: 'dropped', detail: 'the call window was closed' } } },
    ]);

    reports.length = 0;
    bridge.command(CONNECT);
    on(NATIVE_CALL_IPC.report)(window().sender(), disconnected);
    window().close();
    bridge.command(CONNECT);
    bridge.command(CONNECT);
    expect(windows.map((w) => w.destroyed)).toEqual([true, true, true, false]);
    expect(reports).toEqual([disconnected]);
  });

  it('no call outlives the interview window; commands without a call change nothing', () => {
    const { bridge, windows, window, reports } = setup();
    expect(bridge.command({ command: 'disconnect' })).toEqual({ accepted: true });
    bridge.command(CONNECT);
    bridge.close();
    expect(window().destroyed).toBe(true);
    expect(bridge.command({ command: 'mute', kind: 'audio', muted: true })).toEqual({ accepted: true });
    expect(windows).toHaveLength(1);
    expect(reports).toEqual([]);
  });
});
