import type { IpcMain, IpcMainEvent, IpcMainInvokeEvent } from 'electron';
import type { CallJoin, CallTokenRequest } from '../../shared/domain/call-join';
import {
  NATIVE_CALL_IPC,
  NATIVE_CALL_ORIGIN,
  nativeCallReportSchema,
  type NativeCallAnswer,
  type NativeCallCommand,
  type NativeCallOrder,
  type NativeCallReport,
  type NativeCallTicket,
  type NativeCallWindowCommand,
} from '../../shared/call/native-call-protocol';
import { callErrorKindOfBackend } from '../../shared/call/call-errors';

/** The little of a BrowserWindow the bridge uses (a fake in tests). */
export interface CallWindow {
  webContents: { send(channel: string, ...args: unknown[]): void; mainFrame: unknown; isDestroyed(): boolean };
  isDestroyed(): boolean;
  close(): void;
  once(event: 'closed', listener: () => void): unknown;
}

export interface NativeCallBridgeDeps {
  ipcMain: Pick<IpcMain, 'handle' | 'on'>;
  /** Opens a call window (native-call-window.ts); one per call. */
  openWindow(): CallWindow;
  /** The core's call tokens (`core.callTokens.get`). */
  tokens(request: CallTokenRequest): Promise<CallJoin>;
  /** `backends.agora.appId`, read at each connect. */
  appId(): string | undefined;
  /** To the interview window (the core's event bus, `nativeCallReport`). */
  report(message: NativeCallReport): void;
  /** The core's redaction, for error text from the token endpoint. */
  redact(text: string): string;
  warn(message: string, fields?: Record<string, unknown>): void;
  /** After a disconnect, the window is closed this much later if it has not closed itself. */
  leaveGraceMs?: number;
}

const LEAVE_GRACE_MS = 5_000;

/** One open call: its window, what it joins, and whether its end is known already (asked to leave, or said it left). */
interface OpenCall {
  window: CallWindow;
  order: NativeCallOrder;
  leaving: boolean;
}

/** The call window ended without being asked: the interview window hears it as a dropped call. */
const dropped = (detail: string): NativeCallReport => ({
  type: 'event',
  event: { type: 'state', state: 'disconnected', error: { kind: 'dropped', detail } },
});

/** The call window's three channels, each answering only `isCallWindow`'s sender. */
function registerChannels(
  deps: NativeCallBridgeDeps,
  isCallWindow: (event: IpcMainEvent | IpcMainInvokeEvent) => OpenCall | undefined,
): void {
  const refuse = (channel: string, event: IpcMainEvent | IpcMainInvokeEvent) => {
    deps.warn('A message on a native call channel from another sender was refused', { channel, origin: event.senderFrame?.origin ?? null });
    return new Error('refused');
  };
  deps.ipcMain.handle(NATIVE_CALL_IPC.order, async (event) => {
    const call = isCallWindow(event);
    if (!call) throw refuse(NATIVE_CALL_IPC.order, event);
    return call.order;
  });
  deps.ipcMain.handle(NATIVE_CALL_IPC.token, async (event): Promise<NativeCallTicket> => {
    const call = isCallWindow(event);
    if (!call) throw refuse(NATIVE_CALL_IPC.token, event);
    try {
      const join = await deps.tokens({ provider: 'agora', channel: call.order.channel, participantId: call.order.participantId });
      return { ticket: join.ticket, ...(join.expiresAt === undefined ? {} : { expiresAt: join.expiresAt }) };
    } catch (error) {
      const kind = callErrorKindOfBackend((error as { kind?: string }).kind);
      return { error: { kind, detail: deps.redact(error instanceof Error ? error.message : String(error)).slice(0, 300) } };
    }
  });
  deps.ipcMain.on(NATIVE_CALL_IPC.report, (event, payload: unknown) => {
    const call = isCallWindow(event);
    if (!call) return void refuse(NATIVE_CALL_IPC.report, event);
    const parsed = nativeCallReportSchema.safeParse(payload);
    if (!parsed.success)
      return deps.warn('A malformed report from the native call window was dropped', { issue: parsed.error.issues[0]?.message });
    const { data } = parsed;
    // The call is over and the window will close: that close is no news for the interview window.
    if (data.type === 'event' && data.event.type === 'state' && data.event.state === 'disconnected') call.leaving = true;
    deps.report(data);
  });
}

/**
 * The main process between the interview window and the native call window. The call window speaks only on its
 * own channels (NATIVE_CALL_IPC), only from its main frame at NATIVE_CALL_ORIGIN, and only while it is the open
 * call's window; the app's dispatcher refuses that origin, so none of window.api is open to it. It learns what to
 * join and gets tokens; its reports are checked with zod before they reach the interview window.
 */
export function createNativeCallBridge(deps: NativeCallBridgeDeps) {
  let open: OpenCall | undefined;

  const isCallWindow = (event: IpcMainEvent | IpcMainInvokeEvent): OpenCall | undefined => {
    const frame = event.senderFrame;
    const ok =
      open &&
      !open.window.isDestroyed() &&
      event.sender === open.window.webContents &&
      frame === event.sender.mainFrame &&
      frame?.origin === NATIVE_CALL_ORIGIN;
    return ok ? open : undefined;
  };
  registerChannels(deps, isCallWindow);

  /** Ends the open call's window on our own account (a new call, the interview window gone): no `dropped` for it. */
  function close(): void {
    const call = open;
    open = undefined;
    if (!call) return;
    call.leaving = true;
    if (!call.window.isDestroyed()) call.window.close();
  }

  function send(call: OpenCall, command: NativeCallWindowCommand): void {
    if (!call.window.webContents.isDestroyed()) call.window.webContents.send(NATIVE_CALL_IPC.command, command);
  }

  function connect(command: Extract<NativeCallCommand, { command: 'connect' }>): void {
    close();
    const { channel, participantId, displayName, timeoutMs } = command;
    const appId = deps.appId();
    const call: OpenCall = {
      window: deps.openWindow(),
      order: { channel, participantId, displayName, timeoutMs, ...(appId ? { appId } : {}) },
      leaving: false,
    };
    open = call;
    call.window.once('closed', () => {
      if (open === call) open = undefined;
      // Closed by the person, or gone with its renderer: the call is over, and the interview window must know.
      if (!call.leaving) deps.report(dropped('the call window was closed'));
    });
  }

  return {
    /** The contract's `nativeCall`, from the interview window (the dispatcher has checked its sender and payload). */
    command(command: NativeCallCommand): NativeCallAnswer {
      if (command.command === 'connect') connect(command);
      else if (open && command.command === 'mute') send(open, command);
      else if (open) {
        const call = open;
        call.leaving = true;
        send(call, command);
        // The page leaves and closes itself; one that hangs is closed anyway.
        setTimeout(() => (open === call ? close() : undefined), deps.leaveGraceMs ?? LEAVE_GRACE_MS).unref?.();
      }
      return { accepted: true };
    },
    /** The interview window is gone (or the app quits): no call outlives it. */
    close,
  };
}

export type NativeCallBridge = ReturnType<typeof createNativeCallBridge>;
