// The interview window's side of an Agora call on Agora's native SDK (`calls.agoraSdk: native`). The SDK itself
// runs in the dedicated call window (src/renderer/native-call/), which the main process opens on `connect`: this
// sends the commands over the contract's `nativeCall` and mirrors the call window's reports (`nativeCallReport`).
// The call window shows the other participant and plays their audio itself; nothing of the SDK reaches this window.
import type { NativeCallReport } from '../../../../shared/call/native-call-protocol';
import type { Api } from '../../../../shared/ipc/client';
import { CallFailure, type CallError, type CallEvent, type CallStats, type InterviewCall, type JoinInfo } from '../interview-call';
import { createCallState, type CallStateStore } from './call-state';
import { withJoinTimeout } from './join-timeout';

export type NativeCallApi = Pick<Api, 'nativeCall' | 'on'>;

/** Opening the call window and loading the SDK come on top of the join's own timeout (which the window applies). */
export const WINDOW_START_MS = 10_000;

// The reports are validated by the contract's schema; these lines keep that schema and the call's types in step.
type Reported<T extends NativeCallReport['type']> = Extract<NativeCallReport, { type: T }>;
type Holds<T extends true> = T;
export type NativeReportChecks = [
  Holds<Reported<'event'>['event'] extends CallEvent ? true : false>,
  Holds<Reported<'stats'>['stats'] extends CallStats ? true : false>,
];

/** A connect waiting for the call window's verdict. */
interface Waiting {
  resolve(): void;
  reject(error: CallError): void;
}

/** The call window's event as this call's; while a connect waits, its verdict goes to the connect, which owns the state. */
function mirror(store: CallStateStore, event: CallEvent, waiting: Waiting | undefined): void {
  if (event.type === 'participant-joined' || event.type === 'participant-updated') {
    const { id, isLocal, ...rest } = event.participant;
    if (!isLocal) store.upsert(id, rest);
  } else if (event.type === 'participant-left') store.remove(event.participantId);
  else if (event.type !== 'state') store.emit(event);
  else if (event.state === 'connected') {
    Object.assign(store.local, { hasAudio: true, hasVideo: true });
    if (waiting) waiting.resolve();
    else store.setState('connected');
  } else if (event.state === 'disconnected') {
    store.clearRemote();
    Object.assign(store.local, { hasAudio: false, hasVideo: false });
    if (waiting) waiting.reject(event.error ?? { kind: 'dropped', detail: 'the call window left the call' });
    else store.setState('disconnected', event.error);
  } else if (event.state === 'reconnecting' && !waiting) store.setState('reconnecting', event.error);
}

const unsupported = (detail: string) => new CallFailure({ kind: 'unsupported', detail });

/** The proxy call; `api` is window.api, absent where there is none (the call-check page): then it is unsupported. */
export function createAgoraNativeProxy(join: JoinInfo, api: NativeCallApi | undefined): InterviewCall {
  const store = createCallState(join.participantId, join.displayName);
  let stats: CallStats = { framesDecoded: {} };
  let lastOptions: Parameters<InterviewCall['connect']>[0] | undefined;
  let waiting: Waiting | undefined;
  const report = (message: NativeCallReport) =>
    message.type === 'stats' ? (stats = message.stats) : mirror(store, message.event, waiting);
  // Listening from a connect until the disconnect (or the connect's failure): a proxy made for a retry then leaks nothing.
  let unsubscribe: (() => void) | undefined;
  const stopListening = () => {
    unsubscribe?.();
    unsubscribe = undefined;
  };

  const send = async (command: Parameters<NativeCallApi['nativeCall']>[0]) => {
    if (!api) throw unsupported("Agora's native SDK runs only in the desktop app's call window");
    const answer = await api.nativeCall(command);
    if (!answer.accepted) throw unsupported(answer.detail ?? "Agora's native SDK is not available here");
  };

  const call: InterviewCall = {
    provider: 'agora',
    state: () => store.state(),
    async connect(options) {
      if (store.state() === 'connecting' || store.state() === 'connected' || store.state() === 'reconnecting')
        throw new CallFailure({ kind: 'rejected', detail: `already ${store.state()}` });
      lastOptions = options;
      unsubscribe ??= api?.on('nativeCallReport', report);
      store.setState('connecting');
      const outcome = new Promise<void>((resolve, reject) => {
        waiting = { resolve, reject: (error) => reject(new CallFailure(error)) };
      });
      outcome.catch(() => undefined);
      const timeout: CallError = {
        kind: 'timeout',
        detail: `no answer from Agora's call window within ${options.timeoutMs + WINDOW_START_MS} ms`,
      };
      try {
        const { channel, participantId, displayName } = join;
        await send({ command: 'connect', channel, participantId, displayName, timeoutMs: options.timeoutMs });
        await withJoinTimeout(outcome, options.timeoutMs + WINDOW_START_MS, () => send({ command: 'disconnect' }), timeout);
      } catch (error) {
        const failure = error instanceof CallFailure ? error : new CallFailure({ kind: 'rejected', detail: String(error).slice(0, 300) });
        stopListening();
        store.setState('disconnected', failure.error);
        throw failure;
      } finally {
        waiting = undefined;
      }
      store.setState('connected');
    },
    async disconnect() {
      await send({ command: 'disconnect' }).catch(() => undefined);
      stopListening();
      store.clearRemote();
      store.setState('disconnected');
    },
    async reconnect() {
      if (!lastOptions) throw new CallFailure({ kind: 'rejected', detail: 'reconnect before connect' });
      await call.disconnect();
      await call.connect(lastOptions);
    },
    async setMuted(kind, muted) {
      await send({ command: 'mute', kind, muted });
      store.local[kind === 'audio' ? 'audioMuted' : 'videoMuted'] = muted;
    },
    participants: () => store.participants(),
    // The other participant is drawn in the call window (the SDK renders natively there), not in this one.
    attach: () => () => undefined,
    stats: async () => ({ ...stats, framesDecoded: { ...stats.framesDecoded } }),
    on: (listener) => store.on(listener),
  };
  return call;
}
