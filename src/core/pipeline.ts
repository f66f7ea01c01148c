/**
 * The pipeline: every "when X, then Y" rule between the services, in this one file. Services only say what
 * happened (events); what follows is decided here.
 *
 *   recording started      → its sidecar file beside the segments; cloud recordings registered (Agora, LiveKit) —
 *                            in a live interview only once the candidate is in the call (callJoined); none for the
 *                            interviewer's backup (the desk runs the call's cloud recording itself)
 *   candidate joined call  → the cloud recordings of a live interview's recording registered (once)
 *   chunk durable          → the progressive S3 upload and the Media API stream grow
 *   recording paused       → the library refreshes; nothing is finalized or sent: it waits for the candidate
 *   recording resumed      → the library refreshes
 *   recording stopped      → cloud recordings stopped; the library refreshes; finalized at once — for any reason:
 *                            the person's stop, device lost, an error, cancelled, a full disk, or a paused
 *                            interview submitted
 *   finalized              → S3 upload (when s3.autoUpload) and Media API delivery; the library refreshes
 *   finalize failed        → logged; the library refreshes (the next start's recovery tries again)
 *   uploaded               → the library refreshes; an OS notification; retention
 *   app start              → cloud recordings left running are stopped and the outbox delivers; recovery pauses
 *                            interviews an earlier run left recording and finalizes what it left stopped or
 *                            finalizing; then unfinished uploads resume; retention
 *
 * The UI's own events (upload and finalize progress, cloud sessions) go from the services to `events` directly.
 */
import type { Database } from 'better-sqlite3';
import path from 'node:path';
import type { Config } from '../shared/config/schema';
import { liveCallOf } from '../shared/interview/script';
import type { UploadProgress } from '../shared/domain/upload';
import type { EventBus } from './event-bus';
import type { CloudService } from './services/backends/cloud-service';
import type { FinalizeQueue } from './services/finalize/finalize-queue';
import type { ActiveScript } from './services/interview/load-script';
import type { Logger } from './services/logging/logger';
import { recoverInterrupted, type RecoveryReport } from './services/recovery/recover-interrupted';
import { writeRecordingSidecar } from './services/recovery/recording-sidecar';
import type { Run } from './services/recovery/run-registry';
import type { RecordingService } from './services/recording/recording-service';
import type { ServiceEvents } from './services/service-events';
import { applyRetention } from './services/upload/retention';
import type { UploadService } from './services/upload/upload-service';

export interface UploadEvents extends Record<string, unknown> {
  uploaded: { recordingId: string; progress: UploadProgress };
}

export interface PipelineDeps {
  db: Database;
  run: Run;
  recordingsDir: string;
  settings: Config;
  logger: Logger;
  events: EventBus;
  notify?: (title: string, body: string) => void;
  recording: RecordingService;
  finalizer: FinalizeQueue;
  uploads: UploadService;
  uploaded: ServiceEvents<UploadEvents>;
  cloud: CloudService;
  /** The interview script of the moment (a link may open another): a live one's cloud recordings wait for the call. */
  activeScript: () => ActiveScript;
}

export interface Pipeline {
  /**
   * The candidate's call is connected (the renderer says so): a live interview's recording registers its cloud
   * recordings now, so that they record someone. Later calls (after a reconnect) change nothing.
   */
  callJoined(recordingId: string): void;
  /** App start: stale cloud recordings, recovery, then uploads — in the background; failures are logged, never fatal. */
  appStarted(): void;
  /**
   * Pauses interviews an earlier run left recording and finalizes what it left stopped or finalizing, through the
   * finalize queue; with `submitPaused` (`irec recover --submit-paused`), paused interviews are submitted too.
   */
  recover(options?: { submitPaused?: boolean }): Promise<RecoveryReport[]>;
  /** What the last `recover()` found, for the "Recovered interview from …" notice. */
  recoveries(): RecoveryReport[];
  /** Retention, then unfinished uploads and finalized recordings not uploaded yet (when `s3.autoUpload`). */
  resumeUploads(): Promise<void>;
  /** Resolves once the finalizes queued so far have settled (tests, quit). */
  idle(): Promise<void>;
}

/** Uploads start by themselves only with a bucket configured and `s3.autoUpload` on. */
const autoUpload = (deps: PipelineDeps) => deps.uploads.configured && deps.settings.s3.autoUpload;

export function connectPipeline(deps: PipelineDeps): Pipeline {
  const { recording, finalizer, uploads, cloud, events, logger } = deps;
  const retain = async () => {
    const deleted = await applyRetention(deps.db, deps.settings.retention.deleteLocalAfterDays);
    for (const recordingId of deleted) logger.info('Local files deleted by retention policy', { recordingId });
  };
  const uploadInBackground = (recordingId: string) => {
    if (!autoUpload(deps)) return;
    uploads
      .uploadRecording(recordingId)
      .catch((error: unknown) => logger.warn('Upload failed', { recordingId, error: (error as Error).message }));
  };

  recording.on('started', ({ recordingId, kind }) => {
    writeRecordingSidecar(deps.db, recordingId, path.join(deps.recordingsDir, recordingId), (message) => logger.warn(message));
    // The interviewer's backup is a copy of the call, whose cloud recording the interviewer runs from the desk.
    if (kind === 'backup') return;
    // An empty channel would be recorded until the candidate joins it: a live interview's registration waits.
    const interview = deps.activeScript();
    cloud.begin(recordingId, { awaitCall: interview.ok && liveCallOf(interview.script) !== undefined });
  });
  recording.on('durable', ({ recordingId, segment }) => {
    uploads.streamGrew(recordingId, segment);
    void cloud.streamGrew(recordingId, segment);
  });
  recording.on('paused', ({ recordingId }) => events.emit('recordingsChanged', { recordingId }));
  recording.on('resumed', ({ recordingId }) => events.emit('recordingsChanged', { recordingId }));
  recording.on('stopped', ({ recordingId }) => {
    void cloud.end(recordingId);
    events.emit('recordingsChanged', { recordingId });
    finalizer.request(recordingId);
  });
  connectFinalizeOutcomes(deps, uploadInBackground);
  deps.uploaded.on('uploaded', ({ recordingId, progress }) => {
    events.emit('recordingsChanged', { recordingId });
    deps.notify?.('Interview uploaded', `Verified in ${progress.bucket}: ${progress.key ?? recordingId}`);
    retain().catch((error: unknown) => logger.warn('Retention failed', { error: (error as Error).message }));
  });

  return startRules(deps, retain);
}

function connectFinalizeOutcomes(deps: PipelineDeps, uploadInBackground: (recordingId: string) => void): void {
  const logger = deps.logger.child('finalize');
  deps.finalizer.on('finalized', ({ recordingId, detail }) => {
    logger.info('Finalized', { recordingId, file: detail.filePath, durationMs: detail.mediaDurationMs, sha256: detail.sha256 });
    uploadInBackground(recordingId);
    deps.cloud.uploadRecording(recordingId);
    deps.events.emit('recordingsChanged', { recordingId });
  });
  deps.finalizer.on('failed', ({ recordingId, error }) => {
    logger.warn('Finalize did not complete', { recordingId, error: (error as Error).message });
    deps.events.emit('recordingsChanged', { recordingId });
  });
}

/** The app-start rules: recovery through the finalize queue (so progress reaches the UI), then uploads. */
function startRules(deps: PipelineDeps, retain: () => Promise<void>): Pipeline {
  let recoveries: RecoveryReport[] = [];
  const recover = async (options: { submitPaused?: boolean } = {}) => {
    recoveries = await recoverInterrupted({
      db: deps.db,
      run: deps.run,
      finalize: (id) => deps.finalizer.enqueue(id),
      submitPaused: options.submitPaused ? (recordingId) => deps.recording.submitPaused({ recordingId }) : undefined,
    });
    for (const { recording: _detail, ...report } of recoveries) {
      deps.logger.info('Recovery', report);
      deps.events.emit('recordingsChanged', { recordingId: report.recordingId });
    }
    return recoveries;
  };
  const resumeUploads = async () => {
    await retain();
    if (!autoUpload(deps)) return;
    const result = await deps.uploads.resumePending();
    for (const failure of result.failures) deps.logger.warn('Upload not finished', { failure });
  };
  return {
    callJoined: (recordingId) => deps.cloud.callJoined(recordingId),
    appStarted() {
      deps.cloud.start();
      recover()
        .catch((error: unknown) => deps.logger.error('Recovery failed', { error: (error as Error).message }))
        .then(resumeUploads)
        .catch((error: unknown) => deps.logger.error('Resuming uploads failed', { error: (error as Error).message }));
    },
    recover,
    recoveries: () => recoveries,
    resumeUploads,
    idle: () => deps.finalizer.idle(),
  };
}
