import { LOW_DISK_BYTES, type DoctorReport, type RuntimeReport, type ToolReport } from '../../../shared/domain/doctor';
import { PRODUCT_NAME } from '../../../shared/product';
import type { LoadedConfig } from '../config/load-config';
import { formatConfigProblem } from '../config/load-config';
import type { CatalogState } from '../catalog/catalog-state';
import { describeIncident, pendingIncident } from './catalog-incident';

export interface DoctorInputs {
  version: string;
  runtime: 'electron' | 'node';
  config: LoadedConfig;
  dataDir: { path: string; writable: boolean; error?: string; freeBytes: number | null };
  catalog: CatalogState;
  ffmpeg: ToolReport;
  ffprobe: ToolReport;
  runtimes: { electron: RuntimeReport; chromium: RuntimeReport };
  uploads: DoctorReport['uploads'];
  backends: DoctorReport['backends'];
}

/**
 * Turns the collected facts into a report whose `problems` say, in one sentence each, why this installation
 * cannot record and process interviews. A missing Electron runtime is not a problem: the browser host serves.
 */
export function buildDoctorReport(inputs: DoctorInputs): DoctorReport {
  const problems: string[] = inputs.config.problems.map(formatConfigProblem);
  const { dataDir, catalog } = inputs;
  if (!dataDir.writable)
    problems.push(
      `The data folder ${dataDir.path} is not writable (${dataDir.error ?? 'unknown reason'}); set IREC_DATA_DIR to a writable folder.`,
    );
  if (dataDir.freeBytes !== null && dataDir.freeBytes < LOW_DISK_BYTES) {
    problems.push(
      `Only ${(dataDir.freeBytes / 1024 ** 3).toFixed(1)} GiB free in ${dataDir.path}; keep at least 3 GiB free for an hour of interview.`,
    );
  }
  if (!catalog.ok) problems.push(catalog.error);
  const incident = pendingIncident(catalog);
  if (incident) problems.push(describeIncident(incident));
  if (!inputs.ffmpeg.found) problems.push(inputs.ffmpeg.error ?? 'ffmpeg not found.');
  if (!inputs.ffprobe.found) problems.push(inputs.ffprobe.error ?? 'ffprobe not found.');
  if (inputs.uploads.failed > 0) {
    problems.push(
      `${inputs.uploads.failed} upload(s) stopped with an error; \`irec uploads list\` says why, \`irec upload --pending\` retries.`,
    );
  }
  if (inputs.backends.held > 0) {
    problems.push(
      `${inputs.backends.held} backend call(s) wait for a new LiveKit token: set backends.livekit.token (IREC_LIVEKIT_TOKEN), then restart or run \`irec cloud deliver\`.`,
    );
  }

  return {
    ok: problems.length === 0,
    problems,
    app: { name: PRODUCT_NAME, version: inputs.version, runtime: inputs.runtime },
    config: { sources: inputs.config.sources, problems: inputs.config.problems },
    dataDir: { path: dataDir.path, writable: dataDir.writable, freeBytes: dataDir.freeBytes },
    catalog: catalog.ok
      ? { ok: true, ...catalog.catalog.status, ...(incident ? { incident } : {}) }
      : { ok: false, path: catalog.path, schemaVersion: -1, latestSchemaVersion: catalog.latestSchemaVersion, integrity: catalog.error },
    ffmpeg: inputs.ffmpeg,
    ffprobe: inputs.ffprobe,
    runtimes: inputs.runtimes,
    uploads: inputs.uploads,
    backends: inputs.backends,
  };
}
