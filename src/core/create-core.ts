import fs from 'node:fs';
import path from 'node:path';
import { SECRET_CONFIG_PATHS } from '../shared/config/schema';
import type { DoctorReport } from '../shared/domain/doctor';
import { degradedServices, readyServices, recordingsDirOf, type CoreServices } from './core-services';
import { createEventBus, type EventBus } from './event-bus';
import { freeBytes, ensureWritableDir } from './platform/disk';
import type { AppPaths } from './platform/paths';
import { detectChromium, detectElectron } from './platform/runtimes';
import { tryOpenCatalog, type CatalogState } from './services/catalog/catalog-state';
import { buildDoctorReport } from './services/doctor/doctor';
import { getPath } from './services/config/layers';
import { maskUrlPassword } from '../shared/mask-url';
import { redactWith, type Redact } from '../shared/redact';
import { formatConfigProblem, loadConfig, type LoadedConfig } from './services/config/load-config';
import { createSecretStore, type SecretCipher } from './services/config/secret-store';
import { systemPolicyStore, type OsPolicyStore } from './services/config/policy-sources/policy-layers';
import { policyWatchTargets, watchPolicies } from './services/config/policy-sources/watch-policies';
import { configChanges } from './services/config/config-changes';
import { createLogger, type Logger } from './services/logging/logger';
import { loadActiveScript, type ActiveScript } from './services/interview/load-script';
import { resolveLinkScript } from './services/interview/link-script';
import { createLinkOpener, recordingsInProgress, type LinkOpener } from './services/interview/link-opener';
import { locateFfmpegTool, type LocateOptions } from './services/media/locate-ffmpeg';
import type { RecoveryReport } from './services/recovery/recover-interrupted';
import type { SegmentFiles } from './services/recording/segment-files';
import { createSpeechSynthesizer, type SpeechSynthesizer } from './services/speech/speech-synthesizer';
import { createBackendClients, type BackendClients } from './services/backends/backend-clients';
import { createCallTokens, type CallTokens } from './services/call/call-tokens';
import { connectUpdates, refuseInstallWhileRecording, type Updates, type UpdatesFactory } from './services/updates/updates';

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
  /** The invite's `--extra-time` (1, 1.5 or 2), overriding the script's; anything else makes the script unusable. */
  extraTime?: string;
  /** Keeps the display awake while recording (Electron's powerSaveBlocker); absent in the browser host. */
  keepAwake?: { start(): () => void };
  /** An OS notification (Electron's Notification); absent in the browser host and the CLI. */
  notify?: (title: string, body: string) => void;
  /** Electron's safeStorage: secrets at rest go through the OS keychain (absent under plain Node). */
  secretCipher?: SecretCipher;
  /** Where recordings' segment files are written; the local disk when absent (tests give one that fills up). */
  segmentFiles?: SegmentFiles;
  /** The app's own updates (the Electron shell's electron-updater); absent: disabled, with the reason. */
  updates?: UpdatesFactory;
}

export type CoreStatus = { state: 'ready' } | { state: 'degraded'; reason: string };

export interface Core extends CoreServices {
  runtime: CorePorts['runtime'];
  version: string;
  /** Checked once at start: `degraded` when the catalog is unavailable — then every service answers UNAVAILABLE. */
  status: CoreStatus;
  config: LoadedConfig;
  dataDir: string;
  logger: Logger;
  catalog: CatalogState;
  /**
   * Finds recordings interrupted by a crash or quit and pauses them for the candidate (or, with `submitPaused`,
   * submits them), and finalizes stopped ones not yet finalized through the finalize queue, so progress reaches
   * `events`; the app does this at start-up.
   */
  recover(options?: { submitPaused?: boolean }): Promise<RecoveryReport[]>;
  /** What the last `recover()` found, for the "Recovered interview from …" notice. */
  recoveries(): RecoveryReport[];
  /** App start: resumes unfinished uploads and uploads finalized recordings (when `s3.autoUpload`), applies retention. */
  resumeUploads(): Promise<void>;
  /** The backend clients from configuration (the CLI's `agora`, `livekit` and `media` commands). */
  backends: BackendClients;
  /** Join tokens for live calls from the configured token endpoints (the renderer's `getCallToken`). */
  callTokens: CallTokens;
  /** The active interview script: the command line's, until a link opens another (read it at each use). */
  readonly interview: ActiveScript;
  /** Interview links from the OS or the browser host, kept until the renderer opens them (never mid-recording). */
  links: LinkOpener;
  speech: SpeechSynthesizer;
  events: EventBus;
  /** Removes this process's secrets (and secret-looking text) from what leaves it: the dispatcher and the CLI use it. */
  redact: Redact;
  doctor(): DoctorReport;
  /** Starts watching IT's policies (the app's main process; `close` stops it): a change is logged. Returns the stop. */
  watchPolicies(): () => void;
  /** The app's own updates under `update.mode` and `update.url`; `start()` is the shell's, once its window is up. */
  updates: Updates;
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

/** The S3 client's default credential chain reads these when s3.credentials is not set. */
const AWS_SECRET_VARIABLES = ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN'] as const;

/** Every secret value this process holds: the configured ones and the AWS credentials of its environment. */
function secretValues(config: LoadedConfig['config'], env: CorePorts['env']): string[] {
  return [...SECRET_CONFIG_PATHS.map((keyPath) => getPath(config, keyPath)), ...AWS_SECRET_VARIABLES.map((name) => env[name])].filter(
    (value): value is string => typeof value === 'string',
  );
}

interface Settings {
  config: LoadedConfig;
  dataDir: string;
  logger: Logger;
  redact: Redact;
  /** Reads every layer again, as at start (a policy changed). */
  reload: () => LoadedConfig;
  policyStore: OsPolicyStore;
}

/** Settings from every layer (IT's policies, user file, keychain, environment, flags) and the logger that reports on them. */
function loadSettings(ports: CorePorts): Settings {
  const secrets = ports.secretCipher && createSecretStore(path.join(ports.paths.userDataDir, 'secrets.json'), ports.secretCipher);
  const movedSecrets = secrets?.adoptFrom(ports.paths.userConfigFile) ?? [];
  const policyStore = systemPolicyStore(ports.env);
  const reload = () =>
    loadConfig({
      secrets: secrets && { source: secrets.file, values: secrets.read() },
      policyFile: ports.paths.policyFile,
      recommendedPolicyFile: ports.paths.recommendedPolicyFile,
      policyStore,
      userConfigFile: ports.paths.userConfigFile,
      env: ports.env,
      flags: ports.flags,
      readFile: readFileOrNull,
    });
  const config = reload();
  const secretList = secretValues(config.config, ports.env);
  const logger = createLogger({
    file: path.join(ports.paths.logDir, ports.runtime === 'electron' ? 'main.log' : 'irec.log'),
    level: config.config.logLevel,
    secrets: secretList,
    echo: ports.echoLogs,
  });
  for (const problem of config.problems) logger.warn(formatConfigProblem(problem));
  if (movedSecrets.length) logger.info('Secrets moved from the settings file into encrypted storage', { keys: movedSecrets });
  if (secrets?.protection() === 'plain-text') {
    logger.warn(
      'No OS keyring found: stored secrets are only obfuscated (safeStorage basic_text). Install and unlock gnome-keyring or KWallet.',
    );
  }
  return {
    config,
    dataDir: path.resolve(config.config.dataDir ?? ports.paths.userDataDir),
    logger,
    redact: redactWith(secretList),
    reload,
    policyStore,
  };
}

/**
 * Watches IT's policies while the app runs. The services keep the settings they were built with, so a change is
 * logged (which settings, from where now; never a value) and applies at the next start.
 */
function policyWatch(ports: CorePorts, { config, logger, reload, policyStore }: Settings) {
  let stop: (() => void) | undefined;
  const onChange = () => {
    const now = reload();
    const known = new Set(config.problems.map(formatConfigProblem));
    for (const problem of now.problems.map(formatConfigProblem)) if (!known.has(problem)) logger.warn(problem);
    const changes = configChanges(config, now).map(({ keyPath, now: origin }) => `${keyPath}: ${origin?.source ?? 'default'}`);
    if (changes.length) logger.warn('Settings changed while the app runs; they apply when it restarts', { changes });
  };
  return {
    start: () => {
      stop ??= watchPolicies(policyWatchTargets(ports.paths, policyStore), onChange);
      return stop;
    },
    stop: () => stop?.(),
  };
}

/** A damaged or lost catalog is replaced and its recordings re-indexed from their folders before anything else runs. */
function openCatalogState(ports: CorePorts, dataDir: string, logger: Logger, redact: Redact): CatalogState {
  const catalog = tryOpenCatalog(path.join(dataDir, CATALOG_FILE), {
    nativeBinding: ports.sqliteNativeBinding,
    redact,
    recordingsDir: recordingsDirOf(dataDir),
  });
  if (!catalog.ok) logger.error('Catalog unavailable', { error: catalog.error });
  else if (catalog.catalog.status.lost) logger.warn('Catalog damaged or lost; recordings re-indexed', { ...catalog.catalog.status });
  return catalog;
}

interface DoctorInputs {
  ports: CorePorts;
  config: LoadedConfig;
  dataDir: string;
  dataDirState: ReturnType<typeof ensureWritableDir>;
  catalog: CatalogState;
  services: CoreServices;
  locate: LocateOptions;
}

/** A URL as doctor shows it: any password inside it masked. */
const maskOptional = (url: string | undefined): string | undefined => (url === undefined ? undefined : maskUrlPassword(url));

function doctorReport({ ports, config, dataDir, dataDirState, catalog, services, locate }: DoctorInputs): DoctorReport {
  const settings = config.config;
  // A degraded core's services answer UNAVAILABLE: doctor reports the catalog's problem instead of asking them.
  const uploads = catalog.ok ? services.uploads : null;
  return buildDoctorReport({
    version: ports.version,
    runtime: ports.runtime,
    nodeVersion: process.versions.node,
    config,
    dataDir: { path: dataDir, ...dataDirState, freeBytes: freeBytes(dataDir) },
    catalog,
    ffmpeg: locateFfmpegTool('ffmpeg', locate),
    ffprobe: locateFfmpegTool('ffprobe', locate),
    runtimes: { electron: detectElectron(), chromium: detectChromium() },
    uploads: {
      configured: Boolean(uploads?.configured),
      bucket: settings.s3.bucket,
      endpoint: maskOptional(settings.s3.endpoint),
      region: settings.s3.region,
      reason: uploads?.configured ? undefined : (uploads?.notConfiguredReason ?? 'The catalog is unavailable.'),
      ...(uploads?.counts() ?? { open: 0, failed: 0 }),
    },
    backends: {
      agora: { url: maskOptional(settings.backends.agora.baseUrl) ?? null },
      livekit: { url: maskOptional(settings.backends.livekit.baseUrl) ?? null, hasToken: Boolean(settings.backends.livekit.token) },
      media: { url: maskOptional(settings.backends.mediaApi.baseUrl) ?? null, site: settings.backends.mediaApi.site ?? null },
      ...owedCounts(catalog.ok ? services.cloud.pendingCalls() : []),
    },
  });
}

/** Quit: open segment files closed, finalizes stopped (they resume at the next start), queues drained, catalog closed. */
function closer(services: CoreServices, catalog: CatalogState): () => Promise<void> {
  let closed = false;
  return async () => {
    if (closed) return;
    closed = true;
    await services.recording.closeAll();
    await services.finalizer.cancelAll();
    await services.uploads.close();
    await services.cloud.close();
    services.run.end();
    if (catalog.ok) catalog.catalog.db.close();
  };
}

/** Links open interviews through the safe fetch, with the configuration's hosts and networks. */
function linkOpener(
  settings: LoadedConfig['config'],
  logger: Logger,
  events: EventBus,
  services: CoreServices,
  catalogOk: boolean,
  activate: (script: ActiveScript) => void,
): LinkOpener {
  const { inviteHosts, allowedPrivateNetworks } = settings.interview;
  return createLinkOpener({
    inviteHosts,
    resolve: (raw) => resolveLinkScript(raw, { inviteHosts, allowedNetworks: allowedPrivateNetworks }),
    activate,
    // A degraded core records nothing, and its recording service has no events to follow.
    isRecording: catalogOk ? recordingsInProgress(services.recording.on) : () => false,
    emit: (outcome) => events.emit('interviewLink', outcome),
    logger: logger.child('links'),
  });
}

/**
 * The composition root of the plain-Node services. Builds config, logger and catalog in that order and
 * never throws for bad configuration or an unusable catalog: the core is then `degraded`, and its services
 * answer UNAVAILABLE with the catalog's problem, which the UI and doctor show.
 */
export function createCore(ports: CorePorts): Core {
  const settings = loadSettings(ports);
  const { config, dataDir, logger, redact } = settings;
  const policies = policyWatch(ports, settings);
  const dataDirState = ensureWritableDir(dataDir);
  const catalog = openCatalogState(ports, dataDir, logger, redact);
  let interview = loadActiveScript(ports.scriptFile, (file) => fs.readFileSync(file, 'utf8'), ports.extraTime);
  if (!interview.ok) logger.error('Interview script unusable', { error: interview.error });
  const activeScript = () => interview;
  const events = createEventBus(redact);
  const backends = createBackendClients(config.config.backends);
  const locate = { env: ports.env, packagedDir: ports.packagedFfmpegDir };
  const context = {
    ...ports,
    settings: config.config,
    recordingsDir: recordingsDirOf(dataDir),
    logger,
    events,
    backends,
    activeScript,
    locate,
  };
  const services = catalog.ok ? readyServices(context, catalog.catalog) : degradedServices(context, catalog.error);
  const closeServices = closer(services, catalog);
  const updates = refuseInstallWhileRecording(
    connectUpdates(ports.updates, config.config.update, logger, (state) => events.emit('updateState', state)),
    catalog.ok ? recordingsInProgress(services.recording.on) : () => false,
  );
  return {
    ...services,
    runtime: ports.runtime,
    version: ports.version,
    status: catalog.ok ? { state: 'ready' } : { state: 'degraded', reason: catalog.error },
    config,
    dataDir,
    logger,
    catalog,
    recover: services.pipeline.recover,
    recoveries: services.pipeline.recoveries,
    resumeUploads: services.pipeline.resumeUploads,
    backends,
    callTokens: createCallTokens(config.config),
    get interview() {
      return interview;
    },
    links: linkOpener(config.config, logger, events, services, catalog.ok, (next) => (interview = next)),
    speech: createSpeechSynthesizer({ cacheDir: path.join(dataDir, 'speech-cache') }),
    events,
    redact,
    doctor: () => doctorReport({ ports, config, dataDir, dataDirState, catalog, services, locate }),
    watchPolicies: policies.start,
    updates,
    close: () => {
      policies.stop();
      updates.stop();
      return closeServices();
    },
  };
}
