import fs from 'node:fs';
import path from 'node:path';
import { SECRET_CONFIG_PATHS } from '../shared/config/schema';
import type { DoctorReport } from '../shared/domain/doctor';
import { createEventBus, type EventBus } from './ipc/event-bus';
import { freeBytes, ensureWritableDir } from './platform/disk';
import type { AppPaths } from './platform/paths';
import { detectChromium, detectElectron } from './platform/runtimes';
import { tryOpenCatalog, type CatalogState } from './services/catalog/catalog-state';
import { buildDoctorReport } from './services/doctor/doctor';
import { formatConfigProblem, loadConfig, type LoadedConfig } from './services/config/load-config';
import { createLogger, type Logger } from './services/logging/logger';
import { loadActiveScript, type ActiveScript } from './services/interview/load-script';
import { locateFfmpegTool } from './services/media/locate-ffmpeg';
import { createRecordingService, type RecordingService } from './services/recording/recording-service';
import { nodeSegmentFiles } from './services/recording/segment-files';
import { createSpeechSynthesizer, type SpeechSynthesizer } from './services/speech/speech-synthesizer';

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

function secretValues(config: LoadedConfig['config']): string[] {
  return SECRET_CONFIG_PATHS.map((keyPath) =>
    keyPath.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], config),
  ).filter((value): value is string => typeof value === 'string');
}

/**
 * The composition root of the plain-Node services. Builds config, logger and catalog in that order and
 * never throws for bad configuration or an unusable catalog: those become problems the UI and doctor show.
 */
export function createCore(ports: CorePorts): Core {
  const config = loadConfig({
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

  const dataDirState = ensureWritableDir(dataDir);
  const catalog = tryOpenCatalog(path.join(dataDir, CATALOG_FILE), { nativeBinding: ports.sqliteNativeBinding });
  if (!catalog.ok) logger.error('Catalog unavailable', { error: catalog.error });
  else if (catalog.catalog.status.movedAsideTo) logger.warn('Damaged catalog moved aside', { ...catalog.catalog.status });

  const interview = loadActiveScript(ports.scriptFile, (file) => fs.readFileSync(file, 'utf8'));
  if (!interview.ok) logger.error('Interview script unusable', { error: interview.error });
  const recording = catalog.ok
    ? createRecordingService({
        db: catalog.catalog.db,
        recordingsDir: path.join(dataDir, 'recordings'),
        files: nodeSegmentFiles,
        freeBytes,
        minFreeBytes: config.config.recording.minFreeMb * 1024 * 1024,
        keepAwake: ports.keepAwake,
      })
    : null;

  return {
    runtime: ports.runtime,
    version: ports.version,
    config,
    dataDir,
    logger,
    catalog,
    recording,
    interview,
    speech: createSpeechSynthesizer({ cacheDir: path.join(dataDir, 'speech-cache') }),
    events: createEventBus(),
    doctor: () =>
      buildDoctorReport({
        version: ports.version,
        runtime: ports.runtime,
        config,
        dataDir: { path: dataDir, ...dataDirState, freeBytes: freeBytes(dataDir) },
        catalog,
        ffmpeg: locateFfmpegTool('ffmpeg', { env: ports.env, packagedDir: ports.packagedFfmpegDir }),
        ffprobe: locateFfmpegTool('ffprobe', { env: ports.env, packagedDir: ports.packagedFfmpegDir }),
        runtimes: { electron: detectElectron(), chromium: detectChromium() },
      }),
    close: async () => {
      await recording?.closeAll();
      if (catalog.ok) catalog.catalog.db.close();
    },
  };
}
