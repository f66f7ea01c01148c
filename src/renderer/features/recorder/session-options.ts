import type { Api } from '../../../shared/ipc/client';
import type { RecorderMedia } from './recorder-media';

export type SessionApi = Pick<
  Api,
  'startRecording' | 'resumeRecording' | 'suspendRecording' | 'appendChunk' | 'startSegment' | 'stopRecording' | 'recordEvent'
>;

export interface SessionOptions {
  api: SessionApi;
  interviewId: string;
  /** Continue this paused recording (a new segment of it, its clock going on) instead of starting a new one. */
  resume?: { recordingId: string };
  camera: MediaStream;
  microphone: MediaStream;
  videoBitsPerSecond: number;
  audioBitsPerSecond: number;
  /** Called when the session had to stop by itself (disk full, device lost); what was acknowledged is kept. */
  onFatal(reason: string): void;
  onStatus?(status: { backlog: number; paused: boolean; freeBytes: number | null; chunks: number; bytes: number }): void;
  /** The browser's media objects; only unit tests pass others. */
  media?: RecorderMedia;
}
