import type { RecordingKind } from '../../../shared/domain/recording';
import type { Api } from '../../../shared/ipc/client';
import type { OverlayClock } from './overlay-clock';
import type { RecorderMedia } from './recorder-media';
import type { SessionSources } from './session-sources';

export type SessionApi = Pick<
  Api,
  'startRecording' | 'resumeRecording' | 'suspendRecording' | 'appendChunk' | 'startSegment' | 'stopRecording' | 'recordEvent'
>;

/** The candidate's camera and microphone, composed and mixed the candidate's way (session-sources.ts). */
export interface DeviceInputs {
  camera: MediaStream;
  microphone: MediaStream;
}

/** Anything else to record (the interviewer's backup of the call): opened with the overlay's clock, once. */
export interface OwnSources {
  openSources(overlay: OverlayClock): Promise<SessionSources>;
}

interface CommonOptions {
  api: SessionApi;
  interviewId: string;
  /** Whose recording (the candidate's when absent): main keeps it on the row. */
  kind?: RecordingKind;
  /** Continue this paused recording (a new segment of it, its clock going on) instead of starting a new one. */
  resume?: { recordingId: string };
  videoBitsPerSecond: number;
  audioBitsPerSecond: number;
  /** Called when the session had to stop by itself (disk full, device lost); what was acknowledged is kept. */
  onFatal(reason: string): void;
  onStatus?(status: { backlog: number; paused: boolean; freeBytes: number | null; chunks: number; bytes: number }): void;
  /** The browser's media objects; only unit tests pass others. */
  media?: RecorderMedia;
}

export type SessionOptions = CommonOptions & (DeviceInputs | OwnSources);
