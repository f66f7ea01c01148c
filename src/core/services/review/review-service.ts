import type { Database } from 'better-sqlite3';
import fs from 'node:fs';
import type { ReviewChapters, ReviewListInput } from '../../../shared/domain/review';
import { AppError } from '../../errors/app-error';
import { listCloudSessions } from '../catalog/queries/cloud-sessions';
import { listEvents } from '../catalog/queries/events';
import { getRecordingDetail } from '../catalog/queries/recordings';
import { listNotes } from '../catalog/queries/notes';
import { requireInterview } from '../notes/notes-lookups';
import { cloudReviewEntries, type CloudClients } from './cloud-review';
import { localReviewEntries, type ReviewEntry } from './local-review';
import { interviewQuestionMarkers } from './review-catalog';
import { reviewCues } from './review-cues';
import { buildVtt } from './review-vtt';

export interface ReviewServiceDeps {
  db: Database;
  backends: CloudClients;
  fileExists?: (file: string) => boolean;
}

const FINISHED_STATES = new Set(['finalized', 'uploaded']);

/** The interview's recordings to play back, and each one's questions and notes as chapters on its own clock. */
export function createReviewService({ db, backends, fileExists = fs.existsSync }: ReviewServiceDeps) {
  // The last listing of each interview: chapters of a cloud recording need its start, which only the listing knows.
  const lastListing = new Map<string, ReviewEntry[]>();

  async function list(interviewId: string): Promise<ReviewListInput> {
    const interview = requireInterview(db, interviewId);
    const local = localReviewEntries(db, interview.id, fileExists);
    const cloud = await cloudReviewEntries(backends, listCloudSessions(db, { interviewId: interview.id }));
    const entries = [...local, ...cloud.entries];
    lastListing.set(interview.id, entries);
    return { interviewId: interview.id, recordings: entries.map((e) => e.recording), problems: cloud.problems };
  }

  async function entryOf(interviewId: string, ref: string): Promise<ReviewEntry> {
    const find = () => lastListing.get(interviewId)?.find((entry) => entry.recording.ref === ref);
    const found = find() ?? (await list(interviewId), find());
    if (!found) throw new AppError('NOT_FOUND', `The interview ${interviewId} has no recording ${ref}.`, { details: { interviewId, ref } });
    return found;
  }

  return {
    list,

    async chapters(interviewId: string, ref: string): Promise<ReviewChapters> {
      const { timeline } = await entryOf(interviewId, ref);
      const markers = timeline.clock === 'local' ? listEvents(db, timeline.recordingId) : interviewQuestionMarkers(db, interviewId);
      const cues = reviewCues(timeline, { markers, notes: listNotes(db, interviewId) });
      return { cues, vtt: buildVtt(cues) };
    },

    /**
     * The file behind the local media route: a verified output of a finalized (or uploaded) recording, by id and
     * output number only — never a path from the caller. Null for anything else.
     */
    localFile(recordingId: string, seq: number): { file: string; container: string } | null {
      const detail = getRecordingDetail(db, recordingId);
      if (!detail || !FINISHED_STATES.has(detail.state)) return null;
      const output = detail.outputs.find((o) => o.seq === seq);
      return output && fileExists(output.filePath) ? { file: output.filePath, container: output.container } : null;
    },
  };
}

export type ReviewService = ReturnType<typeof createReviewService>;
