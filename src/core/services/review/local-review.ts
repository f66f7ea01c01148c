import type { Database } from 'better-sqlite3';
import { LOCAL_MEDIA_PATH, type ReviewRecordingInput } from '../../../shared/domain/review';
import { getRecordingDetail } from '../catalog/queries/recordings';
import type { ReviewTimeline } from './review-cues';
import { localKindOf } from './playback-kind';
import { reviewableRecordings } from './review-catalog';

/** A finalizing recording is asked about again this soon: finalize takes seconds, not minutes. */
const FINALIZE_RETRY_MS = 5_000;

/** The app's own route to a finalized output: by recording id and output number, never by path. */
export const localMediaUrl = (recordingId: string, seq: number): string => `${LOCAL_MEDIA_PATH}/${encodeURIComponent(recordingId)}/${seq}`;

export interface ReviewEntry {
  recording: ReviewRecordingInput;
  timeline: ReviewTimeline;
}

const FINISHED = new Set(['finalized', 'uploaded']);

/** The interview's local recordings: each verified output playable through the app's route, the rest in words. */
export function localReviewEntries(db: Database, interviewId: string, fileExists: (file: string) => boolean): ReviewEntry[] {
  return reviewableRecordings(db, interviewId).flatMap(({ id, state }): ReviewEntry[] => {
    const detail = getRecordingDetail(db, id);
    if (!detail) return [];
    const base = { source: 'local' as const, clock: 'local' as const, durationMs: detail.mediaDurationMs, retryAfterMs: null };
    const timeline: ReviewTimeline = { clock: 'local', recordingId: id, totalMs: detail.mediaDurationMs };
    if (!FINISHED.has(state)) {
      const failed = state === 'failed';
      const recording: ReviewRecordingInput = {
        ...base,
        ref: `local:${id}:0`,
        label: `Local recording ${id}`,
        kind: 'webm',
        status: failed ? 'failed' : 'processing',
        playbackUrl: null,
        retryAfterMs: failed ? null : FINALIZE_RETRY_MS,
        error: failed ? (detail.error ?? 'The recording could not be finalized.') : null,
      };
      return [{ recording, timeline }];
    }
    return detail.outputs.flatMap((output): ReviewEntry[] => {
      const kind = localKindOf(output.container, output.filePath);
      if (!kind) return [];
      const present = fileExists(output.filePath);
      const recording: ReviewRecordingInput = {
        ...base,
        ref: `local:${id}:${output.seq}`,
        label: `Local recording ${id}${detail.outputs.length > 1 ? ` (part ${output.seq + 1})` : ''}`,
        kind,
        durationMs: output.durationMs,
        status: present ? 'ready' : 'failed',
        playbackUrl: present ? localMediaUrl(id, output.seq) : null,
        error: present ? null : 'The local file is gone (removed by retention after its upload was verified).',
      };
      return [{ recording, timeline: { ...timeline, totalMs: output.durationMs } }];
    });
  });
}
