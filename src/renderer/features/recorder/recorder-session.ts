import { chooseMimeType } from './codec';
import type { Mark } from './proctoring';
import { createRecordedTime } from './recorded-time';
import { browserMedia } from './recorder-media';
import { controlSession } from './session-control';
import type { SessionOptions } from './session-options';
import { openSessionSources } from './session-sources';

/** One interview's recording: compositor + mixer → MediaRecorder (1 s chunks) → durable chunks in main. */
export async function startRecorderSession(options: SessionOptions) {
  const { api, interviewId, media = browserMedia } = options;
  const chosen = chooseMimeType((type) => media.isTypeSupported(type));
  if (!chosen) throw new Error('This computer cannot record video here (no supported recording format).');
  const mimeType: string = chosen;

  const startedAt = performance.now();
  const elapsedMs = () => performance.now() - startedAt;
  const sources = await openSessionSources(media, options, { interviewId, startedAt: performance.timeOrigin + startedAt });
  const { recordingId } = await api.startRecording({ interviewId, mimeType });
  const time = createRecordedTime();

  // `mediaMs` is the marker's place in the finished file (segments joined): chapters are cut there.
  const mark: Mark = (kind, data) =>
    void api
      .recordEvent({
        interviewId,
        recordingId,
        kind,
        at: new Date().toISOString(),
        data: { elapsedMs: Math.round(elapsedMs()), mediaMs: Math.round(time.soFarMs()), ...data },
      })
      .catch(() => undefined);
  const control = controlSession({ ...options, media, mimeType, recordingId, sources, time, mark });

  return {
    recordingId,
    mimeType,
    /** What is being recorded, overlay included, for the candidate's self-view. */
    preview: media.createStream([sources.compositor.track]),
    mark,
    elapsedMs,
    recordedMs: time.soFarMs,
    playQuestion: (audio: Uint8Array) => sources.mixer.play(audio),
    /** A retake: the current take is kept; a new container starts in a new segment file. */
    newSegment: control.newSegment,
    stop: control.stop,
    totals: control.totals,
  };
}

export type RecorderSession = Awaited<ReturnType<typeof startRecorderSession>>;
