// The native call window's page: one Agora call on Agora's native SDK, then the window closes. It asks the main
// process what to join, reports every event and its stats to it (for the interview window), shows the first other
// participant, and obeys mute and leave. Built to dist/native-call/ by tools/build.mjs; it cannot run on Linux.
import { translator } from '../../shared/i18n/messages';
import { callMessages } from '../features/call/call-messages';
import { describeCallError, describeCallState } from '../features/call/call-words';
import { CallFailure, type CallEvent } from '../features/call/interview-call';
import { createAgoraNativeCall, type NativeInterviewCall } from '../features/call/providers/agora-native-call';
import { fetchOrder, fetchToken, loadNativeSdk, onCommand, sendReport } from './native-call-host';

/** Agora reports its statistics every 2 s; so does this window. */
const STATS_EVERY_MS = 2_000;

const remote = document.getElementById('remote')!;
const status = document.getElementById('status')!;
const t = translator(callMessages, navigator.language);

/** Shows the first other participant; the next one when that one leaves. */
function showFirstRemote(call: NativeInterviewCall) {
  let shown: { id: string; detach: () => void } | undefined;
  return (event: CallEvent) => {
    if (event.type === 'participant-left' && shown?.id === event.participantId) {
      shown.detach();
      shown = undefined;
    }
    if (shown) return;
    const next = call.participants().find((participant) => !participant.isLocal);
    if (next) shown = { id: next.id, detach: call.attach(next.id, remote) };
  };
}

async function run(): Promise<void> {
  const order = await fetchOrder();
  const call = createAgoraNativeCall(
    { provider: 'agora', channel: order.channel, participantId: order.participantId, displayName: order.displayName, appId: order.appId },
    fetchToken,
    loadNativeSdk,
  );
  const show = showFirstRemote(call);
  const timer = setInterval(() => void call.stats().then((stats) => sendReport({ type: 'stats', stats })), STATS_EVERY_MS);
  call.on((event) => {
    sendReport({ type: 'event', event });
    if (event.type.startsWith('participant')) show(event);
    if (event.type === 'state') {
      status.textContent = event.error ? describeCallError(t, 'agora', event.error) : describeCallState(t, event.state);
      status.title = event.error?.detail ?? '';
    }
    // One call per window: once it is over, the window goes (main reports nothing more for it).
    if (event.type === 'state' && event.state === 'disconnected') {
      clearInterval(timer);
      window.close();
    }
  });
  onCommand((command) => {
    if (command.command === 'mute') void call.setMuted(command.kind, command.muted).catch(() => undefined);
    else void call.disconnect();
  });
  // Closed by the person: leave first, so Agora drops this participant at once and the engine is released.
  window.addEventListener('beforeunload', () => void call.disconnect());
  await call.connect({ tracks: [], timeoutMs: order.timeoutMs }).catch(() => undefined);
}

run().catch((error: unknown) => {
  const failure = error instanceof CallFailure ? error.error : { kind: 'unsupported' as const, detail: String(error).slice(0, 300) };
  status.textContent = describeCallError(t, 'agora', failure);
  status.title = failure.detail;
  try {
    sendReport({ type: 'event', event: { type: 'state', state: 'disconnected', error: failure } });
  } finally {
    window.close();
  }
});
