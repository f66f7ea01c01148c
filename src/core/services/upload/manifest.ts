import type { Database } from 'better-sqlite3';
import type { RecordingDetail } from '../../../shared/domain/recording';
import { listEvents } from '../catalog/queries/events';
import { listConsents } from '../catalog/queries/interviews';
import { listNotes } from '../catalog/queries/notes';
import { recordingKindOf } from '../catalog/queries/recordings';
import { getScorecard } from '../catalog/queries/scorecards';
import { chaptersFromMarkers } from '../finalize/chapters';

export const MANIFEST_SCHEMA = 'interview-recorder/manifest@1';

export interface ManifestObject {
  /** `recording`: the finalized file; `recorded-stream`: a segment exactly as it was recorded. */
  role: 'recording' | 'recorded-stream';
  key: string;
  size: number;
  sha256: string | null;
  container: string;
  durationMs: number | null;
  /** Recorded-stream pieces: the segment, the piece and where in the segment file it starts. */
  segment?: number;
  piece?: number;
  offset?: number;
}

/**
 * The JSON object stored beside a recording: enough to understand it without the app — who and what, the objects
 * and their checksums, chapters per question, every proctoring event, the consent given, and the interviewer's
 * notes (each with both recording clocks: `localMs` in the recording `localRecordingId`, `cloudMs` in the cloud
 * recording `cloudSessionId`) and scorecard (null when none was saved).
 */
export function buildManifest(
  db: Database,
  input: { recording: RecordingDetail; bucket: string; objects: ManifestObject[]; appVersion: string; createdAt: string },
) {
  const { recording } = input;
  const interview = db
    .prepare('SELECT id, script_id AS scriptId, title, candidate_name AS candidateName, locale FROM interviews WHERE id = ?')
    .get(recording.interviewId) as Record<string, unknown>;
  const events = listEvents(db, recording.id);
  return {
    schema: MANIFEST_SCHEMA,
    createdAt: input.createdAt,
    app: { name: 'Interview Recorder', version: input.appVersion },
    interview,
    recording: {
      id: recording.id,
      /** `interview` (the candidate's) or `backup` (the interviewer's local backup of the call). */
      kind: recordingKindOf(db, recording.id) ?? 'interview',
      startedAt: recording.startedAt,
      endedAt: recording.endedAt,
      durationMs: recording.durationMs,
      mediaDurationMs: recording.mediaDurationMs,
      mimeType: recording.mimeType,
      stopReason: recording.stopReason,
      recoveredAt: recording.recoveredAt,
      finalizedAt: recording.finalizedAt,
    },
    bucket: input.bucket,
    objects: input.objects,
    chapters: chaptersFromMarkers(events, recording.mediaDurationMs ?? recording.durationMs ?? Number.MAX_SAFE_INTEGER),
    events,
    consent: listConsents(db, recording.interviewId).map(({ scriptId, consentedAt, statement }) => ({ scriptId, consentedAt, statement })),
    notes: listNotes(db, recording.interviewId).map(({ interviewId: _interview, ...note }) => note),
    scorecard: getScorecard(db, recording.interviewId) ?? null,
  };
}
