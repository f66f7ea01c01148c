import type { Api } from '../../../shared/ipc/client';
import { createChunkSender, type ChunkAck } from './chunk-sender';
import { recorderOptionsFor } from './codec';
import type { Mark } from './proctoring';
import type { RecordedTime } from './recorded-time';
import type { RecorderMedia } from './recorder-media';

/** MediaRecorder hands over a chunk every second; each is durable in main within about a second more. */
const CHUNK_MS = 1000;

export interface SegmentOptions {
  api: Pick<Api, 'appendChunk'>;
  media: Pick<RecorderMedia, 'createRecorder'>;
  recordingId: string;
  segment: number;
  stream: MediaStream;
  mimeType: string;
  videoBitsPerSecond: number;
  audioBitsPerSecond: number;
  time: RecordedTime;
  mark: Mark;
  onAck(ack: ChunkAck, state: { backlog: number; paused: boolean }): void;
  /** A chunk could not be kept: the recording must stop. */
  onFatal(error: Error): void;
}

/**
 * One segment (one container, one file in main): a MediaRecorder whose chunks go, in order, through their own
 * chunk sender. A backlog of unacknowledged chunks pauses the recorder until it has shrunk.
 */
export function recordSegment(options: SegmentOptions) {
  const { mimeType, time, mark } = options;
  const recorder = options.media.createRecorder(options.stream, {
    mimeType,
    videoBitsPerSecond: options.videoBitsPerSecond,
    audioBitsPerSecond: options.audioBitsPerSecond,
    ...recorderOptionsFor(mimeType),
  });
  const sender = createChunkSender({
    api: options.api,
    recordingId: options.recordingId,
    segment: options.segment,
    onAck: (ack) => options.onAck(ack, { backlog: sender.backlog(), paused: recorder.state === 'paused' }),
    onBackpressure: (paused) => {
      mark('recorder.backpressure', { paused });
      if (paused && recorder.state === 'recording') recorder.pause();
      if (!paused && recorder.state === 'paused') recorder.resume();
    },
    onFatal: options.onFatal,
  });
  recorder.addEventListener('dataavailable', (event) => sender.enqueue(event.data, time.inSegmentMs()));
  recorder.addEventListener('error', () => mark('recorder.error'));
  // Media time runs from start() to stop() (see recorded-time.ts); 'stop' also ends a segment the recorder ended itself.
  recorder.addEventListener('stop', () => time.segmentStopped(), { once: true });
  recorder.start(CHUNK_MS);
  time.segmentStarted();

  return {
    /** Stops the recorder (its last chunk comes out before 'stop') and waits until every chunk is acknowledged. */
    async finish(): Promise<void> {
      if (recorder.state !== 'inactive') {
        const stopped = new Promise((resolve) => recorder.addEventListener('stop', resolve, { once: true }));
        recorder.stop();
        time.stopRequested();
        await stopped;
      }
      await sender.drain();
    },
  };
}

export type SegmentRecording = ReturnType<typeof recordSegment>;
