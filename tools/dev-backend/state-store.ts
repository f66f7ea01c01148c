// Everything the three backends remember, in one JSON file under dataDir, so that a restarted dev backend (or a
// test that restarts it on purpose) still knows every recording and upload session. Written as temp + rename
// after each change: a crash mid-write leaves the previous complete file, never half of one.
import fs from 'node:fs';
import path from 'node:path';

/** One row of the Agora backend's `interview_recordings` collection. */
export interface AgoraRecording {
  _id: string;
  channel_name: string;
  uid: string;
  resource_id: string;
  sid: string;
  schedule_id: string | null;
  status: 'recording' | 'completed';
  started_at: string;
  stopped_at?: string;
  recording_url?: string;
  file_list: AgoraFile[];
  server_response?: unknown;
  created_at: string;
  updated_at: string;
  /** Epoch ms of the start, reported as sliceStartTime. */
  slice_start_time: number;
}

export interface AgoraFile {
  filename: string;
  s3_url: string;
  trackType: string;
  uid: string;
  mixedAllUser: boolean;
  isPlayable: boolean;
  sliceStartTime: number;
}

export interface Egress {
  egressId: string;
  roomName: string;
  status: 0 | 1 | 2;
  startedAt: string;
  endedAt?: string;
  /** Epoch ms after which the processed file may be published (set by /stop). */
  readyAt?: number;
  /** Decided at /stop by the `recordingFailed` fault, so that a restart keeps the outcome. */
  willFail?: boolean;
  downloadUrl?: string;
  objectKey?: string;
  duration?: number;
  error?: string;
}

export type MediaStatus = 'initialized' | 'receiving' | 'processing' | 'completed' | 'failed';

export interface MediaChunk {
  size: number;
  filename: string;
  receivedAt: string;
}

export interface MediaSession {
  sessionId: string;
  status: MediaStatus;
  createdAt: string;
  updatedAt: string;
  expectedChunks: number | null;
  expectedDuration: number | null;
  videoSettings: Record<string, unknown>;
  metadata: Record<string, unknown>;
  site: string;
  storage: string | null;
  /** chunkIndex → what was stored; kept after the files are cleaned up so status stays truthful. */
  chunks: Record<string, MediaChunk>;
  /** storage.transcode.media_recording: 'processing...', an error code or the final URL. */
  transcode: string | null;
  /** The finalize request being (or last) worked on, so a restart can resume an async finalize. */
  pending?: { totalChunks: number; totalSize: number | null; mergeError: boolean };
  /** The `video` object of the success answer, replayed by idempotent finalizes and GET video. */
  video?: Record<string, unknown>;
  /** The rest of the success answer (warnings, storage, cleanup). */
  result?: { warnings: string[]; storage: { id: string | null; updated: boolean }; cleanup: Record<string, unknown> };
  error?: string;
}

export interface DevState {
  version: 1;
  agora: AgoraRecording[];
  livekit: Egress[];
  media: Record<string, MediaSession>;
}

const empty = (): DevState => ({ version: 1, agora: [], livekit: [], media: {} });

export class StateStore {
  readonly state: DevState;
  private readonly file: string;

  constructor(dataDir: string) {
    fs.mkdirSync(dataDir, { recursive: true });
    this.file = path.join(dataDir, 'state.json');
    this.state = StateStore.load(this.file);
  }

  private static load(file: string): DevState {
    if (!fs.existsSync(file)) return empty();
    const parsed = JSON.parse(fs.readFileSync(file, 'utf8')) as Partial<DevState>;
    return { ...empty(), ...parsed, version: 1 };
  }

  /** Synchronous on purpose: one complete write per change, never two interleaved ones. */
  save(): void {
    const temp = `${this.file}.${process.pid}.tmp`;
    fs.writeFileSync(temp, JSON.stringify(this.state, null, 2));
    fs.renameSync(temp, this.file);
  }
}
