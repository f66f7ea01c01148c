// The page `irec call check` opens in headless Chromium: it joins the test channel with the app's own call provider
// and the browser's fake camera and microphone, leaves, and reports each step (with its time) to the loopback
// server of the CLI that served it. Paths are relative: the server serves this page under a one-time prefix.
import { CALL_FACTORIES } from '../features/call/call-providers';
import { CallFailure, type CallError, type CallToken, type JoinInfo } from '../features/call/interview-call';

interface CheckSetup {
  join: JoinInfo;
  timeoutMs: number;
}

const post = (path: string, body: unknown) =>
  fetch(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

const errorOf = (error: unknown): CallError =>
  error instanceof CallFailure ? error.error : { kind: 'rejected', detail: error instanceof Error ? error.message : String(error) };

/** A token from the CLI, which asks the core's call-tokens service (the same path the app's main process takes). */
async function token(): Promise<CallToken> {
  const response = await fetch('token', { method: 'POST' });
  const body = (await response.json()) as CallToken | { error: CallError };
  if ('error' in body) throw new CallFailure(body.error);
  return body;
}

async function check(): Promise<void> {
  const setup = (await (await fetch('setup')).json()) as CheckSetup;
  const media = await navigator.mediaDevices.getUserMedia({ audio: true, video: true });
  const call = CALL_FACTORIES[setup.join.provider](setup.join, token);
  await post('ready', { ok: true });
  let started = performance.now();
  try {
    await call.connect({ tracks: media.getTracks(), timeoutMs: setup.timeoutMs });
  } catch (error) {
    await post('joined', { ok: false, ms: performance.now() - started, error: errorOf(error) });
    return;
  }
  const others = call.participants().filter((participant) => !participant.isLocal).length;
  await post('joined', { ok: true, ms: performance.now() - started, others });
  started = performance.now();
  await call.disconnect();
  await post('left', { ok: call.state() === 'disconnected', ms: performance.now() - started, state: call.state() });
  media.getTracks().forEach((track) => track.stop());
}

check().catch((error: unknown) => post('failed', { ok: false, error: errorOf(error) }));
