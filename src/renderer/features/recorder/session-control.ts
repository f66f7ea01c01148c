import { IpcError } from '../../../shared/ipc/errors';
import type { Mark } from './proctoring';
import type { RecordedTime } from './recorded-time';
import type { RecorderMedia } from './recorder-media';
import type { SessionApi, SessionOptions } from './session-options';
import { recordSegment, type SegmentRecording } from './segment-recorder';
import type { SessionSources } from './session-sources';

export type StopReason = 'finished' | 'disk-low' | 'device-lost' | 'error' | 'cancelled';

interface ControlOptions extends Pick<SessionOptions, 'videoBitsPerSecond' | 'audioBitsPerSecond' | 'onFatal' | 'onStatus'> {
  api: SessionApi;
  media: RecorderMedia;
  mimeType: string;
  recordingId: string;
  /** The segment main opened for the first recorder (0, or the next one of a continued recording). */
  segment: number;
  sources: SessionSources;
  time: RecordedTime;
  mark: Mark;
}

const DISK_LOW = 'The disk is almost full, so the recording was stopped. Everything recorded so far is saved.';
const deviceLost = (track: MediaStreamTrack) =>
  `The ${track.kind === 'video' ? 'camera' : 'microphone'} stopped; the recording so far is saved.`;

/**
 * The page is going away (reload, closed window or tab) while recording: main pauses the recording at its last
 * durable chunk, so the candidate can continue it. The browser host's bridge sends this call with keepalive.
 */
function suspendOnPageHide(stopped: () => boolean, suspend: () => Promise<unknown>): () => void {
  if (typeof window === 'undefined') return () => undefined; // unit tests under Node
  const onPageHide = () => {
    if (!stopped()) void suspend().catch(() => undefined);
  };
  window.addEventListener('pagehide', onPageHide);
  return () => window.removeEventListener('pagehide', onPageHide);
}

/**
 * A started recording's life: segments one after another (a retake starts a new one), and one stop — asked for,
 * or by itself when the disk fills, a chunk is refused or a camera or microphone is lost.
 */
export function controlSession(options: ControlOptions) {
  const { api, recordingId, sources, mark } = options;
  let stopping = false;
  let totals: { chunks: number; bytes: number; freeBytes: number | null } = { chunks: 0, bytes: 0, freeBytes: null };
  let current: SegmentRecording;

  const fatal = (reason: StopReason, message: string) => {
    if (stopping) return;
    void stop(reason)
      .catch(() => undefined) // the main process has already kept what it acknowledged
      .finally(() => options.onFatal(message));
  };

  function record(segment: number): void {
    current = recordSegment({
      api,
      media: options.media,
      recordingId,
      segment,
      stream: sources.stream,
      mimeType: options.mimeType,
      videoBitsPerSecond: options.videoBitsPerSecond,
      audioBitsPerSecond: options.audioBitsPerSecond,
      time: options.time,
      mark,
      onAck: (ack, state) => {
        totals = { chunks: totals.chunks + 1, bytes: totals.bytes + ack.size, freeBytes: ack.freeBytes };
        options.onStatus?.({ ...state, ...totals });
        if (ack.critical && !stopping) {
          mark('disk.critical', { freeBytes: ack.freeBytes });
          fatal('disk-low', DISK_LOW);
        }
      },
      onFatal: (error) => fatal(error instanceof IpcError && error.code === 'DISK_FULL' ? 'disk-low' : 'error', error.message),
    });
  }

  async function stop(reason: StopReason): Promise<void> {
    if (stopping) return;
    stopping = true;
    stopSuspending();
    await current.finish();
    stopWatching();
    await sources.close();
    await api.stopRecording({ recordingId, durationMs: options.time.finishedMs(), reason }).catch((error: unknown) => {
      // After DISK_FULL the main process has stopped the recording itself.
      if (!(error instanceof IpcError && error.code === 'CONFLICT')) throw error;
    });
  }

  const stopWatching = options.media.watchSignals(mark, sources.deviceTracks);
  for (const track of sources.deviceTracks) track.addEventListener('ended', () => fatal('device-lost', deviceLost(track)));
  const stopSuspending = suspendOnPageHide(
    () => stopping,
    () => api.suspendRecording({ recordingId }),
  );
  record(options.segment);

  return {
    /** A retake: the current take is kept; a new container starts in a new segment file. */
    async newSegment(): Promise<void> {
      await current.finish();
      const { segment } = await api.startSegment({ recordingId, reason: 'retake' });
      if (!stopping) record(segment);
    },
    stop,
    totals: () => totals,
  };
}
