// A test page (bundled by test/support/browser-bundle.ts) that joins a call with the real Agora or LiveKit provider
// while the interview's camera and microphone are being recorded, and reports how the join ended.
import { CallFailure, type JoinInfo } from '../../../src/renderer/features/call/interview-call';
import { createAgoraCall } from '../../../src/renderer/features/call/providers/agora-call';
import { createLivekitCall } from '../../../src/renderer/features/call/providers/livekit-call';

export interface OfflineJoinResult {
  outcome: 'connected' | 'failed';
  kind?: string;
  detail?: string;
  state: string;
  elapsedMs: number;
  /** The recorded stream after the call gave up: still live and enabled, and MediaRecorder chunks kept coming. */
  recordedTracks: Array<{ kind: string; readyState: string; enabled: boolean }>;
  recordedChunks: number;
  recorderState: string;
}

declare global {
  interface Window {
    joinOffline(join: JoinInfo, token: string, timeoutMs: number): Promise<OfflineJoinResult>;
  }
}

window.joinOffline = async (join, token, timeoutMs) => {
  const stream = await navigator.mediaDevices.getUserMedia({ video: { width: 640, height: 360 }, audio: true });
  let recordedChunks = 0;
  const recorder = new MediaRecorder(stream, { mimeType: 'video/webm;codecs=vp8,opus' });
  recorder.ondataavailable = (event) => {
    if (event.data.size > 0) recordedChunks++;
  };
  recorder.start(250);
  const call =
    join.provider === 'agora' ? createAgoraCall(join, async () => ({ token })) : createLivekitCall(join, async () => ({ token }));
  const started = performance.now();
  let result: Pick<OfflineJoinResult, 'outcome' | 'kind' | 'detail'>;
  try {
    await call.connect({ tracks: stream.getTracks(), timeoutMs });
    result = { outcome: 'connected' };
  } catch (error) {
    result =
      error instanceof CallFailure
        ? { outcome: 'failed', ...error.error }
        : { outcome: 'failed', kind: 'not-a-call-failure', detail: String(error) };
  }
  const elapsedMs = performance.now() - started;
  // Half a second more of recording after the call gave up: the recording must not have noticed anything.
  const chunksAtFailure = recordedChunks;
  await new Promise((resolve) => setTimeout(resolve, 600));
  const report: OfflineJoinResult = {
    ...result,
    state: call.state(),
    elapsedMs,
    recordedTracks: stream.getTracks().map((t) => ({ kind: t.kind, readyState: t.readyState, enabled: t.enabled })),
    recordedChunks: recordedChunks - chunksAtFailure,
    recorderState: recorder.state,
  };
  recorder.stop();
  await call.disconnect();
  stream.getTracks().forEach((t) => t.stop());
  return report;
};
