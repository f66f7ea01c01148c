import { chooseMimeType } from './codec';
import type { Mark } from './proctoring';
import { createRecordedTime } from './recorded-time';
import { browserMedia } from './recorder-media';
import { controlSession } from './session-control';
import type { SessionApi, SessionOptions } from './session-options';
import type { OverlayClock } from './overlay-clock';
import { openSessionSources, type SessionSources } from './session-sources';

/** A new recording, or a paused one continued in a new segment after what its earlier parts hold. */
async function beginRecording(api: SessionApi, options: SessionOptions, mimeType: string) {
  if (options.resume) return api.resumeRecording({ recordingId: options.resume.recordingId, mimeType });
  const kind = options.kind && { kind: options.kind };
  return { ...(await api.startRecording({ interviewId: options.interviewId, mimeType, ...kind })), recordedMs: 0 };
}

/** What the session records: the caller's own sources, or the candidate's camera and microphone. */
function openFor(options: SessionOptions, overlay: OverlayClock): Promise<SessionSources> {
  return 'openSources' in options ? options.openSources(overlay) : openSessionSources(options.media ?? browserMedia, options, overlay);
}

/** A continued recording's sources open after main said how much was recorded: the overlay's clock goes on from there. */
async function openSources(options: SessionOptions, begun: { recordingId: string; recordedMs: number }, startedAt: number) {
  const overlay = { interviewId: options.interviewId, startedAt: performance.timeOrigin + startedAt - begun.recordedMs };
  try {
    return await openFor(options, overlay);
  } catch (error) {
    await options.api.suspendRecording({ recordingId: begun.recordingId }).catch(() => undefined); // still resumable
    throw error;
  }
}

/** One interview's recording: compositor + mixer → MediaRecorder (1 s chunks) → durable chunks in main. */
export async function startRecorderSession(options: SessionOptions) {
  const { api, interviewId, media = browserMedia } = options;
  const chosen = chooseMimeType((type) => media.isTypeSupported(type));
  if (!chosen) throw new Error('This computer cannot record video here (no supported recording format).');
  const mimeType: string = chosen;

  const startedAt = performance.now();
  // A new recording's sources open first (nothing is recorded if they fail); see openSources for a continued one.
  const fresh = options.resume ? undefined : await openFor(options, { interviewId, startedAt: performance.timeOrigin + startedAt });
  const begun = await beginRecording(api, options, mimeType);
  const sources: SessionSources = fresh ?? (await openSources(options, begun, startedAt));
  const { recordingId, segment, recordedMs: earlierMs } = begun;
  const elapsedMs = () => earlierMs + performance.now() - startedAt;
  const time = createRecordedTime(undefined, earlierMs);

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
  const control = controlSession({ ...options, media, mimeType, recordingId, segment, sources, time, mark });
  const playQuestion = (audio: Uint8Array) => sources.mixer.play(audio);

  return {
    recordingId,
    mimeType,
    /** What is being recorded, overlay included, for the candidate's self-view. */
    preview: media.createStream([sources.compositor.track]),
    mark,
    /** Since the interview began, earlier parts of a continued one included. */
    elapsedMs,
    recordedMs: time.soFarMs,
    playQuestion,
    /** A retake: the current take is kept; a new container starts in a new segment file. */
    newSegment: control.newSegment,
    stop: control.stop,
    totals: control.totals,
  };
}

export type RecorderSession = Awaited<ReturnType<typeof startRecorderSession>>;
