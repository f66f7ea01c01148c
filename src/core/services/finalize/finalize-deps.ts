import type { Database } from 'better-sqlite3';
import type { FfmpegTools } from '../media/locate-ffmpeg';
import type { Run } from '../recovery/run-registry';

/** What a finalize works with: the catalog, the media tools, this process's run and the disk. */
export interface FinalizeDeps {
  db: Database;
  /** The ffmpeg/ffprobe pair; throws an UNAVAILABLE AppError with instructions when there is none. */
  tools: () => FfmpegTools;
  run: Run;
  freeBytes: (dir: string) => number | null;
  /** Free space a finalize must leave (the recording hard floor), so the system keeps room to work. */
  reserveBytes?: number;
  now?: () => Date;
}
