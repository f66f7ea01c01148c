import fs from 'node:fs';
import path from 'node:path';
import { SECRET_CONFIG_PATHS } from '../shared/config/schema';
import type { DoctorReport } from '../shared/domain/doctor';
import type { RecordingDetail } from '../shared/domain/recording';
import { IpcError } from '../shared/ipc/errors';
import { createEventBus, type EventBus } from './event-bus';
import { freeBytes, ensureWritableDir } from './platform/disk';
import type { AppPaths } from './platform/paths';
import { detectChromium, detectElectron } from './platform/runtimes';
import { tryOpenCatalog, type CatalogState } from './services/catalog/catalog-state';
import { buildDoctorReport } from './services/doctor/doctor';
import { getPath } from './services/config/layers';
import { formatConfigProblem, loadConfig, type LoadedConfig } from './services/config/load-config';
import { createSecretStore, type SecretCipher } from './services/config/secret-store';
import { createLogger, type Logger } from './services/logging/logger';
import { loadActiveScript, type ActiveScript } from './services/interview/load-script';
import { createFinalizeQueue, type FinalizeQueue } from './services/finalize/finalize-queue';
import { finalizeRecording, type FinalizeDeps, type FinalizeOptions } from './services/finalize/finalize-recording';
import { locateFfmpegTool, requireFfmpegTools, type FfmpegTools } from './services/media/locate-ffmpeg';
import { recoverInterrupted, type RecoveryReport } from './services/recovery/recover-interrupted';
import { startRun, type Run } from './services/recovery/run-registry';
import { writeRecordingSidecar } from './services/recovery/recording-sidecar';
import { createRecordingService, type RecordingService } from './services/recording/recording-service';
import { nodeSegmentFiles } from './services/recording/segment-files';
import { createSpeechSynthesizer, type SpeechSynthesizer } from './services/speech/speech-synthesizer';
import { createBackendClients, type BackendClients } from './services/backends/backend-clients';
import { createCloudService, type CloudService } from './services/backends/cloud-service';
import { applyRetention } from './services/upload/retention';
import { createS3Target } from './services/upload/s3-target';
import { createUploadService, type UploadService } from './services/upload/upload-service';

/** Everything the services need from their host (Electron, the browser host or the CLI). */
export interface CorePorts {
  runtime: 'electron' | 'node';
  version: string;
  paths: AppPaths;
  env: Readonly<Record<string, string | undefined>>;
  flags?: { dataDir?: string; set?: readonly string[] };
  /** better-sqlite3 build for this runtime, when not the default. */
  sqliteNativeBinding?: string;
  /** Where the packaged app keeps ffmpeg outside the asar. */
  packagedFfmpegDir?: string;
  /** Echo warnings to stderr (CLI). */
  echoLogs?: boolean;
  /** Interview script file from the command line; the bundled practice interview when absent. */
  scriptFile?: string;
  /** Keeps the display awake while recording (Electron's powerSaveBlocker); absent in the browser host. */
  keepAwake?: { start(): () => void };
  /** An OS notification (Electron's Notification); absent in the browser host and the CLI. */
  notify?: (title: string, body: string) => void;
  /** Electron's safeStorage: secrets at rest go through the OS keychain (absent under plain Node). */
  secretCipher?: SecretCipher;
}

export interface Core {
  runtime: CorePorts['runtime'];
  version: string;
  config: LoadedConfig;
  dataDir: string;
  logger: Logger;
  catalog: CatalogState;
  /** Null when the catalog is unavailable: nothing can be recorded without it. */
  recording: RecordingService | null;
  /** This process's run in the catalog (its clean-shutdown marker); null without a catalog. */
  run: Run | null;
  /** Finalizes one recording now (CLI); the app goes through `finalizer`. */
  finalize(recordingId: string, options?: FinalizeOptions): Promise<RecordingDetail>;
  /** The app's finalize queue: progress events for the UI, cancel. */
  finalizer: FinalizeQueue;
  /**
   * Finds recordings interrupted by a crash or quit, recovers and finalizes them (and any stopped ones not yet
   * finalized) through the finalize queue, so progress reaches `events`; the app does this at start-up.
   */
  recover(): Promise<RecoveryReport[]>;
  /** What the last `recover()` found, for the "Recovered interview from …" notice. */
  recoveries(): RecoveryReport[];
  /** S3 uploads; null without a catalog. Not configured (no bucket) is a state of the service, not null. */
  uploads: UploadService | null;
  /** App start: resumes unfinished uploads and uploads finalized recordings (when `s3.autoUpload`), applies retention. */
  resumeUploads(): Promise<void>;
  /**
   * Cloud recordings (Agora, LiveKit) and Media Recording API uploads, with the outbox of calls owed to them;
   * null without a catalog. Only the app calls `cloud.start()` (stops left over by an earlier run, delivery).
   */
  cloud: CloudService | null;
  /** The backend clients from configuration (the CLI's `agora`, `livekit` and `media` commands). */
  backends: BackendClients;
  interview: ActiveScript;
  speech: SpeechSynthesizer;
  events: EventBus;
  doctor(): DoctorReport;
  close(): Promise<void>;
}

const CATALOG_FILE = 'catalog.sqlite';

function readFileOrNull(file: string): string | null {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

/** Backend calls still owed, and how many of them wait for a new token. */
const owedCounts = (calls: ReadonlyArray<{ state: string }>) => ({
  owed: calls.length,
  held: calls.filter((c) => c.state === 'held').length,
});

function secretValues(config: LoadedConfig['config']): string[] {
  return SECRET_CONFIG_PATHS.map((keyPath) => getPath(config, keyPath)).filter((value): value is string => typeof value === 'string');
}

/**
 * The composition root of the plain-Node services. Builds config, logger and catalog in that order and
 * never throws for bad configuration or an unusable catalog: those become problems the UI and doctor show.
 */
export function createCore(ports: CorePorts): Core {
  const secrets = ports.secretCipher && createSecretStore(path.join(ports.paths.userDataDir, 'secrets.json'), ports.secretCipher);
  const movedSecrets = secrets?.adoptFrom(ports.paths.userConfigFile) ?? [];
  const config = loadConfig({
    secrets: secrets && { source: secrets.file, values: secrets.read() },
    policyFile: ports.paths.policyFile,
    userConfigFile: ports.paths.userConfigFile,
    env: ports.env,
    flags: ports.flags,
    readFile: readFileOrNull,
  });
  const dataDir = path.resolve(config.config.dataDir ?? ports.paths.userDataDir);
  const logger = createLogger({
    file: path.join(ports.paths.logDir, ports.runtime === 'electron' ? 'main.log' : 'irec.log'),
    level: config.config.logLevel,
    secrets: secretValues(config.config),
    echo: ports.echoLogs,
  });
  for (const problem of config.problems) logger.warn(formatConfigProblem(problem));
  if (movedSecrets.length) logger.info('Secrets moved from the settings file into encrypted storage', { keys: movedSecrets });
  if (secrets?.protection() === 'plain-text') {
    logger.warn(
      'No OS keyring found: stored secrets are only obfuscated (safeStorage basic_text). Install and unlock gnome-keyring or KWallet.',
    );
  }

  const dataDirState = ensureWritableDir(dataDir);
  const recordingsDir = path.join(dataDir, 'recordings');
  // A damaged or lost catalog is replaced and its recordings re-indexed from their folders before anything else runs.
  const catalog = tryOpenCatalog(path.join(dataDir, CATALOG_FILE), { nativeBinding: ports.sqliteNativeBinding, recordingsDir });
  if (!catalog.ok) logger.error('Catalog unavailable', { error: catalog.error });
  else if (catalog.catalog.status.lost) logger.warn('Catalog damaged or lost; recordings re-indexed', { ...catalog.catalog.status });

  const interview = loadActiveScript(ports.scriptFile, (file) => fs.readFileSync(file, 'utf8'));
  if (!interview.ok) logger.error('Interview script unusable', { error: interview.error });
  const run = catalog.ok ? startRun(catalog.catalog.db, ports.runtime) : null;
  const events = createEventBus();
  const settings = config.config;
  const retain = async () => {
    if (!catalog.ok) return;
    const deleted = await applyRetention(catalog.catalog.db, settings.retention.deleteLocalAfterDays);
    for (const recordingId of deleted) logger.info('Local files deleted by retention policy', { recordingId });
  };
  const uploads = catalog.ok
    ? createUploadService({
        db: catalog.catalog.db,
        target: createS3Target(settings.s3),
        appVersion: ports.version,
        logger,
        emit: (progress) => events.emit('uploadProgress', progress),
        onUploaded: (recordingId, progress) => {
          events.emit('recordingsChanged', { recordingId });
          ports.notify?.('Interview uploaded', `Verified in ${progress.bucket}: ${progress.key ?? recordingId}`);
          void retain();
        },
      })
    : null;
  const uploadInBackground = (recordingId: string) => {
    if (!uploads?.configured || !settings.s3.autoUpload) return;
    uploads
      .uploadRecording(recordingId)
      .catch((error: unknown) => logger.warn('Upload failed', { recordingId, error: (error as Error).message }));
  };
  const backends = createBackendClients(settings.backends);
  const cloud = catalog.ok
    ? createCloudService({
        db: catalog.catalog.db,
        settings: settings.backends,
        clients: backends,
        logger,
        emit: (session) => events.emit('cloudSessionChanged', session),
      })
    : null;
  const recording = catalog.ok
    ? createRecordingService({
        db: catalog.catalog.db,
        runId: run!.id,
        recordingsDir,
        files: nodeSegmentFiles,
        freeBytes,
        minFreeBytes: config.config.recording.minFreeMb * 1024 * 1024,
        keepAwake: ports.keepAwake,
        onDurable: (recordingId, segment) => {
          uploads?.streamGrew(recordingId, segment);
          void cloud?.streamGrew(recordingId, segment);
        },
        onStarted: (recordingId) => {
          writeRecordingSidecar(catalog.catalog.db, recordingId, path.join(recordingsDir, recordingId), (message) => logger.warn(message));
          cloud?.begin(recordingId);
        },
        onStopped: (recordingId) => void cloud?.end(recordingId),
      })
    : null;

  const locate = { env: ports.env, packagedDir: ports.packagedFfmpegDir };
  let tools: FfmpegTools | undefined;
  const finalizeDeps = (): FinalizeDeps => {
    if (!catalog.ok || !run) throw new IpcError({ code: 'UNAVAILABLE', message: catalog.ok ? 'Catalog closed.' : catalog.error });
    return {
      db: catalog.catalog.db,
      run,
      freeBytes,
      reserveBytes: config.config.recording.minFreeMb * 1024 * 1024,
      tools: () => (tools ??= requireFfmpegTools(locate)),
    };
  };
  const finalize = (recordingId: string, options?: FinalizeOptions) => finalizeRecording(finalizeDeps(), recordingId, options);
  // The app's finalize queue hands each finished video file straight to the upload queue.
  const finalizer = createFinalizeQueue(
    async (recordingId, options) => {
      const detail = await finalize(recordingId, options);
      uploadInBackground(recordingId);
      cloud?.uploadRecording(recordingId);
      return detail;
    },
    (progress) => events.emit('finalizeProgress', progress),
  );
  let recoveries: RecoveryReport[] = [];
  let closed = false;

  return {
    runtime: ports.runtime,
    version: ports.version,
    config,
    dataDir,
    logger,
    catalog,
    recording,
    run,
    finalize,
    finalizer,
    recover: async () => {
      const deps = finalizeDeps();
      recoveries = await recoverInterrupted({ db: deps.db, run: deps.run, finalize: (id) => finalizer.enqueue(id) });
      for (const { recording: _detail, ...report } of recoveries) {
        logger.info('Recovery', report);
        events.emit('recordingsChanged', { recordingId: report.recordingId });
      }
      return recoveries;
    },
    recoveries: () => recoveries,
    uploads,
    resumeUploads: async () => {
      await retain();
      if (!uploads?.configured || !settings.s3.autoUpload) return;
      const result = await uploads.resumePending();
      for (const failure of result.failures) logger.warn('Upload not finished', { failure });
    },
    cloud,
    backends,
    interview,
    speech: createSpeechSynthesizer({ cacheDir: path.join(dataDir, 'speech-cache') }),
    events,
    doctor: () =>
      buildDoctorReport({
        version: ports.version,
        runtime: ports.runtime,
        config,
        dataDir: { path: dataDir, ...dataDirState, freeBytes: freeBytes(dataDir) },
        catalog,
        ffmpeg: locateFfmpegTool('ffmpeg', locate),
        ffprobe: locateFfmpegTool('ffprobe', locate),
        runtimes: { electron: detectElectron(), chromium: detectChromium() },
        uploads: {
          configured: Boolean(uploads?.configured),
          bucket: settings.s3.bucket,
          endpoint: settings.s3.endpoint,
          region: settings.s3.region,
          reason: uploads?.configured ? undefined : (uploads?.notConfiguredReason ?? 'The catalog is unavailable.'),
          ...(uploads?.counts() ?? { open: 0, failed: 0 }),
        },
        backends: {
          agora: { url: settings.backends.agora.baseUrl ?? null },
          livekit: { url: settings.backends.livekit.baseUrl ?? null, hasToken: Boolean(settings.backends.livekit.token) },
          media: { url: settings.backends.mediaApi.baseUrl ?? null, site: settings.backends.mediaApi.site ?? null },
          ...owedCounts(cloud?.pendingCalls() ?? []),
        },
      }),
    close: async () => {
      if (closed) return;
      closed = true;
      await recording?.closeAll();
      await finalizer.cancelAll();
      await uploads?.close();
      await cloud?.close();
      run?.end();
      if (catalog.ok) catalog.catalog.db.close();
    },
  };
}

/** Start-up recovery, then unfinished uploads, once the UI is up: failures are logged and shown, never fatal. */
export function recoverInBackground(core: Core): void {
  if (!core.catalog.ok) return;
  core.cloud?.start();
  core
    .recover()
    .catch((error: unknown) => core.logger.error('Recovery failed', { error: (error as Error).message }))
    .then(() => core.resumeUploads())
    .catch((error: unknown) => core.logger.error('Resuming uploads failed', { error: (error as Error).message }));
}
