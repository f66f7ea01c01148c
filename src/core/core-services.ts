import path from 'node:path';
import type { RecordingDetail } from '../shared/domain/recording';
import type { Config } from '../shared/config/schema';
import { unavailableService } from './degraded-services';
import { unavailable } from './errors/app-error';
import type { EventBus } from './event-bus';
import { connectPipeline, type Pipeline, type UploadEvents } from './pipeline';
import { freeBytes } from './platform/disk';
import type { BackendClients } from './services/backends/backend-clients';
import { createCloudService, type CloudService } from './services/backends/cloud-service';
import type { Catalog } from './services/catalog/open-catalog';
import { createFinalizeQueue, type FinalizeQueue } from './services/finalize/finalize-queue';
import { finalizeRecording, type FinalizeOptions } from './services/finalize/finalize-recording';
import { createInterviewService, type InterviewService } from './services/interview/interview-service';
import type { ActiveScript } from './services/interview/load-script';
import { createLibraryService, type LibraryService } from './services/library/library-service';
import type { Logger } from './services/logging/logger';
import { requireFfmpegTools, type FfmpegTools, type LocateOptions } from './services/media/locate-ffmpeg';
import { createNotesService, type NotesService } from './services/notes/notes-service';
import { createReviewService, type ReviewService } from './services/review/review-service';
import { startRun, type Run } from './services/recovery/run-registry';
import { createRecordingService, type RecordingService } from './services/recording/recording-service';
import { nodeSegmentFiles, type SegmentFiles } from './services/recording/segment-files';
import { createServiceEmitter } from './services/service-events';
import { s3TargetFor, uploadDestinations } from './services/upload/upload-destinations';
import { createUploadService, type UploadService } from './services/upload/upload-service';

/** The services of a core: real ones over the catalog (ready), or stand-ins that answer UNAVAILABLE (degraded). */
export interface CoreServices {
  /** This process's run in the catalog (its clean-shutdown marker). */
  run: Run;
  /** Durable chunks of running recordings; its events drive the pipeline. */
  recording: RecordingService;
  /** S3 uploads. Not configured (no bucket) is a state of the service (`configured`), not an absent service. */
  uploads: UploadService;
  /** Cloud recordings (Agora, LiveKit) and Media Recording API uploads, with the outbox of calls owed to them. */
  cloud: CloudService;
  /** The recordings in the catalog (list, detail, events). */
  library: LibraryService;
  /** Consent and the interview's recorded moments. */
  interviews: InterviewService;
  /** The interviewer's notes and scorecard, stamped with the recording clocks. */
  notes: NotesService;
  /** The interview's recordings to play back (local and cloud) and their chapters. */
  review: ReviewService;
  /** Finalizes one recording now (CLI); the app goes through `finalizer`. */
  finalize(recordingId: string, options?: FinalizeOptions): Promise<RecordingDetail>;
  /** The app's finalize queue: one at a time, progress events for the UI, cancel. */
  finalizer: FinalizeQueue;
  /** The rules that connect the services (src/core/pipeline.ts); `appStarted()` once the UI is up. */
  pipeline: Pipeline;
}

/** What the services are built from, besides the catalog. */
export interface ServiceContext {
  runtime: string;
  version: string;
  settings: Config;
  recordingsDir: string;
  logger: Logger;
  events: EventBus;
  backends: BackendClients;
  /** The interview script of the moment: the one from the command line, until a link opens another. */
  activeScript: () => ActiveScript;
  locate: LocateOptions;
  segmentFiles?: SegmentFiles;
  keepAwake?: { start(): () => void };
  notify?: (title: string, body: string) => void;
}

/** A pipeline rule that throws is a bug: logged, and the service that emitted the event goes on regardless. */
const ruleFailed = (ctx: ServiceContext) => (event: string, error: unknown) => ctx.logger.error('Pipeline rule failed', { event, error });

const finalizerFor = (ctx: ServiceContext, finalize: CoreServices['finalize']) =>
  createFinalizeQueue(finalize, (progress) => ctx.events.emit('finalizeProgress', progress), ruleFailed(ctx));

function finalizeWith(ctx: ServiceContext, db: Catalog['db'], run: Run): CoreServices['finalize'] {
  let tools: FfmpegTools | undefined;
  const deps = {
    db,
    run,
    freeBytes,
    reserveBytes: ctx.settings.recording.minFreeMb * 1024 * 1024,
    tools: () => (tools ??= requireFfmpegTools(ctx.locate)),
  };
  return (recordingId, options) => finalizeRecording(deps, recordingId, options);
}

/** The services over an open catalog, connected by the pipeline. */
export function readyServices(ctx: ServiceContext, { db }: Catalog): CoreServices {
  const run = startRun(db, ctx.runtime);
  const onListenerError = ruleFailed(ctx);
  const uploaded = createServiceEmitter<UploadEvents>(onListenerError);
  const uploads = createUploadService({
    db,
    target: s3TargetFor(ctx.settings),
    appVersion: ctx.version,
    logger: ctx.logger,
    emit: (progress) => ctx.events.emit('uploadProgress', progress),
    onUploaded: (recordingId, progress) => uploaded.emit('uploaded', { recordingId, progress }),
  });
  const cloud = createCloudService({
    db,
    settings: ctx.settings.backends,
    clients: ctx.backends,
    mediaApiUploads: uploadDestinations(ctx.settings.upload.destination).mediaApi,
    logger: ctx.logger,
    emit: (session) => ctx.events.emit('cloudSessionChanged', session),
  });
  const recording = createRecordingService({
    db,
    runId: run.id,
    recordingsDir: ctx.recordingsDir,
    files: ctx.segmentFiles ?? nodeSegmentFiles,
    freeBytes,
    minFreeBytes: ctx.settings.recording.minFreeMb * 1024 * 1024,
    keepAwake: ctx.keepAwake,
    activeScriptId: () => {
      const interview = ctx.activeScript();
      return interview.ok ? interview.script.id : null;
    },
    onListenerError,
  });
  const finalize = finalizeWith(ctx, db, run);
  const finalizer = finalizerFor(ctx, finalize);
  const pipeline = connectPipeline({ db, run, ...ctx, recording, finalizer, uploads, uploaded, cloud });
  const library = createLibraryService(db);
  const interviews = createInterviewService({ db, script: ctx.activeScript, logger: ctx.logger });
  const notes = createNotesService({ db, script: ctx.activeScript });
  const review = createReviewService({ db, backends: ctx.backends });
  return { run, recording, uploads, cloud, library, interviews, notes, review, finalize, finalizer, pipeline };
}

/** Without a catalog nothing can be recorded, finalized or uploaded: every call says why; quitting still works. */
export function degradedServices(ctx: ServiceContext, reason: string): CoreServices {
  const refuse = () => Promise.reject(unavailable(reason));
  const finalize = refuse;
  return {
    run: unavailableService<Run>(reason, { end: () => undefined }),
    recording: unavailableService<RecordingService>(reason, { closeAll: async () => undefined }),
    uploads: unavailableService<UploadService>(reason, { close: async () => undefined }),
    cloud: unavailableService<CloudService>(reason, { close: async () => undefined }),
    library: unavailableService<LibraryService>(reason),
    interviews: unavailableService<InterviewService>(reason),
    notes: unavailableService<NotesService>(reason),
    review: unavailableService<ReviewService>(reason),
    finalize,
    finalizer: finalizerFor(ctx, finalize),
    pipeline: {
      appStarted: () => undefined,
      callJoined: () => undefined,
      recover: refuse,
      recoveries: () => [],
      resumeUploads: refuse,
      idle: () => Promise.resolve(),
    },
  };
}

export const recordingsDirOf = (dataDir: string) => path.join(dataDir, 'recordings');
