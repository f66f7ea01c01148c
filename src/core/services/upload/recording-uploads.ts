import type { UploadProgress } from '../../../shared/domain/upload';
import { segmentExtent } from '../catalog/queries/chunks';
import { getRecordingDetail } from '../catalog/queries/recordings';
import { listUploadJobs, resetPartAttempts, updateUploadJob } from '../catalog/queries/uploads';
import { deliverRecording } from './deliver-recording';
import { ensureStreamJobs, STREAM_PIECE_BYTES } from './recording-objects';
import { configured, runLogged, type UploadServiceState } from './upload-context';

/** Uploads a finalized recording; asking again while it runs joins the same upload. */
export function uploadRecording(state: UploadServiceState, recordingId: string): Promise<UploadProgress> {
  const running = state.pipelines.get(recordingId);
  if (running) return running;
  const pipeline = deliverRecording(configured(state), recordingId).finally(() => state.pipelines.delete(recordingId));
  state.pipelines.set(recordingId, pipeline);
  pipeline.catch(() => state.publisher.publish(recordingId, true));
  return pipeline;
}

/** Recording: more of a segment is durable (or it ended); its stream upload follows, piece by piece. */
export function streamGrew(state: UploadServiceState, recordingId: string, seq: number): void {
  const { ctx, db } = state;
  if (!ctx?.target.settings.progressive || !ctx.target.settings.autoUpload || state.cancelled.has(recordingId)) return;
  const durable = segmentExtent(db, recordingId, seq)?.bytes ?? 0;
  const key = `${recordingId}/${seq}`;
  const pieces = Math.max(1, Math.ceil(durable / STREAM_PIECE_BYTES));
  if ((state.streamPieces.get(key) ?? 0) < pieces) {
    const recording = getRecordingDetail(db, recordingId);
    if (!recording) return;
    for (const job of ensureStreamJobs(db, ctx.target, recording, seq, durable, state.stamp())) {
      if (job.state !== 'done' && !ctx.queue.isRunning(job.id)) void runLogged(state, job.id);
    }
    state.streamPieces.set(key, pieces);
  }
  ctx.queue.sourceGrew();
  state.publisher.publish(recordingId);
}

/** A failed upload goes again, resuming the parts already confirmed. */
export function retryRecording(state: UploadServiceState, recordingId: string): Promise<UploadProgress> {
  for (const job of listUploadJobs(state.db, { recordingId }).filter((candidate) => candidate.state === 'failed')) {
    updateUploadJob(state.db, job.id, { state: 'queued', lastError: null, attempts: 0 }, state.stamp());
    resetPartAttempts(state.db, job.id);
  }
  state.cancelled.delete(recordingId);
  return uploadRecording(state, recordingId);
}

export async function cancelRecording(state: UploadServiceState, recordingId: string): Promise<UploadProgress> {
  const { queue } = configured(state);
  state.cancelled.add(recordingId);
  for (const job of listUploadJobs(state.db, { recordingId }).filter((candidate) => candidate.state !== 'done')) await queue.cancel(job.id);
  state.publisher.publish(recordingId, true);
  return state.publisher.progress(recordingId);
}
