import type { Database } from 'better-sqlite3';
import type { RecordingDetail, RecordingSummary } from '../../../shared/domain/recording';
import { AppError } from '../../errors/app-error';
import { listEvents } from '../catalog/queries/events';
import { getRecordingDetail, listRecordings } from '../catalog/queries/recordings';

/** The recordings in the catalog as the library screen and `irec recordings` show them. */
export function createLibraryService(db: Database) {
  return {
    list: (page: { limit: number; offset: number }): RecordingSummary[] => listRecordings(db, page),
    /** One recording with its segments and outputs; NOT_FOUND when there is none by that id. */
    detail(recordingId: string): RecordingDetail {
      const found = getRecordingDetail(db, recordingId);
      if (!found) throw new AppError('NOT_FOUND', `There is no recording ${recordingId}.`, { details: { recordingId } });
      return found;
    },
    /** The interview's moments recorded during this recording (questions, retakes), oldest first. */
    events: (recordingId: string) => listEvents(db, recordingId),
  };
}

export type LibraryService = ReturnType<typeof createLibraryService>;
