import type { UploadJobSummary, UploadProgress } from '../../../shared/domain/upload';
import { segmentExtent } from '../catalog/queries/chunks';
import { openUploadJobs, recordingsToUpload } from '../catalog/queries/uploads';
import { uploadRecording } from './recording-uploads';
import { configured, runLogged, type UploadServiceState } from './upload-context';
import { summaryOf } from './upload-summary';

export interface ResumeReport {
  recordings: UploadProgress[];
  files: UploadJobSummary[];
  failures: string[];
}

/**
 * Resumes every unfinished job (recorded streams only once their segment has ended) and uploads every
 * finalized recording not yet uploaded. Resolves when all have finished or failed.
 */
export async function resumePending(state: UploadServiceState): Promise<ResumeReport> {
  const { queue } = configured(state);
  const { db } = state;
  const failures: string[] = [];
  const open = openUploadJobs(db).filter(
    (job) => job.kind === 'file' || (job.kind === 'stream' && segmentExtent(db, job.recordingId!, job.segmentSeq!)?.ended),
  );
  const fileJobs = open.filter((job) => job.kind === 'file');
  const fileRuns = fileJobs.map((job) => queue.run(job.id));
  const streamRuns = open.filter((job) => job.kind === 'stream').map((job) => runLogged(state, job.id));
  const recordings: UploadProgress[] = [];
  for (const id of recordingsToUpload(db)) {
    try {
      recordings.push(await uploadRecording(state, id));
    } catch (error) {
      failures.push(`${id}: ${(error as Error).message}`);
      recordings.push(state.publisher.progress(id));
    }
  }
  const files = await Promise.allSettled(fileRuns);
  await Promise.all(streamRuns);
  for (const result of files) if (result.status === 'rejected') failures.push((result.reason as Error).message);
  return { recordings, files: [...new Set(fileJobs.map((job) => job.id))].map((id) => summaryOf(db, id)), failures };
}
