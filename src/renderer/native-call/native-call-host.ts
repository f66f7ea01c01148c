// What the call window has of Node and Electron: the global `require` its page gets (nodeIntegration, no context
// isolation: agora-electron-sdk's requirement), used for two modules only — the SDK and ipcRenderer on the call
// window's own channels. Nothing here is imported: this page is the only one where these exist at run time.
import type { createAgoraRtcEngine } from 'agora-electron-sdk';
import {
  NATIVE_CALL_IPC,
  nativeCallOrderSchema,
  nativeCallTicketSchema,
  nativeCallWindowCommandSchema,
  type NativeCallOrder,
  type NativeCallReport,
  type NativeCallWindowCommand,
} from '../../shared/call/native-call-protocol';
import { CallFailure, type CallToken } from '../features/call/interview-call';
import type { AgoraNativeSdk } from '../features/call/providers/agora-native-seam';

interface IpcRendererPart {
  invoke(channel: string): Promise<unknown>;
  send(channel: string, payload: unknown): void;
  on(channel: string, listener: (event: unknown, payload: unknown) => void): void;
}

const nodeRequire = (globalThis as { require?: (id: string) => unknown }).require;

/** Where `require` is missing this page was opened somewhere else than its window: nothing can work. */
function need(id: 'electron' | 'agora-electron-sdk'): unknown {
  if (!nodeRequire) throw new CallFailure({ kind: 'unsupported', detail: 'this page runs only in the native call window' });
  return nodeRequire(id);
}

const ipc = () => (need('electron') as { ipcRenderer: IpcRendererPart }).ipcRenderer;

/** The SDK, loaded on the first connect; the compiler checks its engine against the seam. */
export const loadNativeSdk = async (): Promise<AgoraNativeSdk> => {
  const sdk = need('agora-electron-sdk') as { createAgoraRtcEngine: typeof createAgoraRtcEngine };
  return { createEngine: () => sdk.createAgoraRtcEngine() };
};

export const fetchOrder = async (): Promise<NativeCallOrder> => nativeCallOrderSchema.parse(await ipc().invoke(NATIVE_CALL_IPC.order));

export async function fetchToken(): Promise<CallToken> {
  const answer = nativeCallTicketSchema.parse(await ipc().invoke(NATIVE_CALL_IPC.token));
  if ('error' in answer) throw new CallFailure(answer.error);
  return { token: answer.ticket, ...(answer.expiresAt === undefined ? {} : { expiresAt: answer.expiresAt }) };
}

export const sendReport = (report: NativeCallReport): void => ipc().send(NATIVE_CALL_IPC.report, report);

/** Commands relayed by main from the interview window; anything that does not parse is ignored. */
export function onCommand(listener: (command: NativeCallWindowCommand) => void): void {
  ipc().on(NATIVE_CALL_IPC.command, (_event, payload) => {
    const parsed = nativeCallWindowCommandSchema.safeParse(payload);
    if (parsed.success) listener(parsed.data);
  });
}
