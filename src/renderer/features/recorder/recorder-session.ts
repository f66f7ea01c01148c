import type { Api } from '../../../shared/ipc/client';
import type { RecordingEventKind } from '../../../shared/ipc/channels/recording';
import { IpcError } from '../../../shared/ipc/errors';
import { createAudioMixer, type AudioMixer } from './audio-mixer';
import { createChunkSender, type ChunkSender } from './chunk-sender';
import { chooseMimeType, recorderOptionsFor } from './codec';
import { createCompositor, type Compositor } from './compositor';
import { watchProctoringSignals } from './proctoring';

export interface SessionOptions {
  api: Api;
  interviewId: string;
  camera: MediaStream;
  microphone: MediaStream;
  videoBitsPerSecond: number;
  audioBitsPerSecond: number;
  /** Called when the session had to stop by itself (disk full, device lost); what was acknowledged is kept. */
  onFatal(reason: string): void;
  onStatus?(status: { backlog: number; paused: boolean; freeBytes: number | null; chunks: number; bytes: number }): void;
}

type StopReason = 'finished' | 'disk-low' | 'device-lost' | 'error' | 'cancelled';

/** One interview's recording: compositor + mixer → MediaRecorder (1 s chunks) → durable chunks in main. */
export async function startRecorderSession(options: SessionOptions) {
  const { api, interviewId } = options;
  const chosen = chooseMimeType((type) => MediaRecorder.isTypeSupported(type));
  if (!chosen) throw new Error('This computer cannot record video here (no supported recording format).');
  const mimeType: string = chosen;

  const startedAt = performance.now();
  const elapsedMs = () => performance.now() - startedAt;
  const cameraTrack = options.camera.getVideoTracks()[0];
  if (!cameraTrack) throw new Error('No camera track to record.');
  // The overlay's clock starts with the session; the compositor (in its worker) reads it for every frame.
  const compositor: Compositor = await createCompositor(cameraTrack, { interviewId, startedAt: performance.timeOrigin + startedAt });
  const mixer: AudioMixer = await createAudioMixer(options.microphone);
  const stream = new MediaStream([compositor.track, mixer.track]);
  const { recordingId } = await api.startRecording({ interviewId, mimeType });

  let stopping = false;
  // Recorded time: the recorder's own start→stop spans, summed over segments (excludes set-up and draining).
  let recordedMs = 0;
  let segmentStartedAt: number | null = null;
  const recordedSoFar = () => recordedMs + (segmentStartedAt === null ? 0 : performance.now() - segmentStartedAt);

  // `mediaMs` is the marker's place in the finished file (segments joined): chapters are cut there.
  const mark = (kind: RecordingEventKind, data?: Record<string, unknown>) =>
    void api
      .recordEvent({
        interviewId,
        recordingId,
        kind,
        at: new Date().toISOString(),
        data: { elapsedMs: Math.round(elapsedMs()), mediaMs: Math.round(recordedSoFar()), ...data },
      })
      .catch(() => undefined);
  let totals: { chunks: number; bytes: number; freeBytes: number | null } = { chunks: 0, bytes: 0, freeBytes: null };
  let recorder: MediaRecorder;
  let sender: ChunkSender;

  const fatal = (reason: StopReason, message: string) => {
    if (stopping) return;
    void stop(reason)
      .catch(() => undefined) // the main process has already kept what it acknowledged
      .finally(() => options.onFatal(message));
  };

  function record(segment: number): void {
    sender = createChunkSender({
      api,
      recordingId,
      segment,
      onAck: (ack) => {
        totals = { chunks: totals.chunks + 1, bytes: totals.bytes + ack.size, freeBytes: ack.freeBytes };
        options.onStatus?.({ backlog: sender.backlog(), paused: recorder.state === 'paused', ...totals });
        if (ack.critical && !stopping) {
          mark('disk.critical', { freeBytes: ack.freeBytes });
          fatal('disk-low', 'The disk is almost full, so the recording was stopped. Everything recorded so far is saved.');
        }
      },
      onBackpressure: (paused) => {
        mark('recorder.backpressure', { paused });
        if (paused && recorder.state === 'recording') recorder.pause();
        if (!paused && recorder.state === 'paused') recorder.resume();
      },
      onFatal: (error) => fatal(error instanceof IpcError && error.code === 'DISK_FULL' ? 'disk-low' : 'error', error.message),
    });
    recorder = new MediaRecorder(stream, {
      mimeType,
      videoBitsPerSecond: options.videoBitsPerSecond,
      audioBitsPerSecond: options.audioBitsPerSecond,
      ...recorderOptionsFor(mimeType),
    });
    const currentSender = sender;
    recorder.addEventListener('dataavailable', (event) =>
      currentSender.enqueue(event.data, segmentStartedAt === null ? undefined : Math.round(performance.now() - segmentStartedAt)),
    );
    recorder.addEventListener('error', () => mark('recorder.error'));
    recorder.addEventListener('start', () => (segmentStartedAt = performance.now()), { once: true });
    recorder.addEventListener(
      'stop',
      () => {
        if (segmentStartedAt !== null) recordedMs += performance.now() - segmentStartedAt;
        segmentStartedAt = null;
      },
      { once: true },
    );
    recorder.start(1000);
  }

  async function finishSegment(): Promise<void> {
    if (recorder.state !== 'inactive') {
      const stopped = new Promise((resolve) => recorder.addEventListener('stop', resolve, { once: true }));
      recorder.stop();
      await stopped;
    }
    await sender.drain();
  }

  async function stop(reason: StopReason): Promise<void> {
    if (stopping) return;
    stopping = true;
    await finishSegment();
    stopWatching();
    compositor.stop();
    await mixer.close();
    await api.stopRecording({ recordingId, durationMs: recordedMs, reason }).catch((error: unknown) => {
      // After DISK_FULL the main process has stopped the recording itself.
      if (!(error instanceof IpcError && error.code === 'CONFLICT')) throw error;
    });
  }

  const stopWatching = watchProctoringSignals(mark, [cameraTrack, ...options.microphone.getAudioTracks()]);
  for (const track of [cameraTrack, ...options.microphone.getAudioTracks()]) {
    track.addEventListener('ended', () =>
      fatal('device-lost', `The ${track.kind === 'video' ? 'camera' : 'microphone'} stopped; the recording so far is saved.`),
    );
  }
  record(0);

  return {
    recordingId,
    mimeType,
    /** What is being recorded, overlay included, for the candidate's self-view. */
    preview: new MediaStream([compositor.track]),
    mark,
    elapsedMs,
    recordedMs: recordedSoFar,
    playQuestion: (audio: Uint8Array) => mixer.play(audio),
    /** A retake: the current take is kept; a new container starts in a new segment file. */
    async newSegment(): Promise<void> {
      await finishSegment();
      const { segment } = await api.startSegment({ recordingId, reason: 'retake' });
      if (!stopping) record(segment);
    },
    stop,
    totals: () => totals,
  };
}

export type RecorderSession = Awaited<ReturnType<typeof startRecorderSession>>;
