import { LOW_DISK_BYTES, type DoctorReport, type RuntimeReport, type ToolReport } from '../../../shared/domain/doctor';
import { SUPPORTED_NODE_MAJOR } from '../../../shared/node-support';
import { PRODUCT_NAME } from '../../../shared/product';
import type { LoadedConfig } from '../config/load-config';
import { formatConfigProblem } from '../config/load-config';
import type { CatalogState } from '../catalog/catalog-state';
import { describeIncident, pendingIncident } from './catalog-incident';
import { policiesInForce } from './policies-in-force';

export interface DoctorInputs {
  version: string;
  runtime: 'electron' | 'node';
  /** The Node version that runs this process (process.versions.node). */
  nodeVersion: string;
  config: LoadedConfig;
  dataDir: { path: string; writable: boolean; error?: string; freeBytes: number | null };
  catalog: CatalogState;
  ffmpeg: ToolReport;
  ffprobe: ToolReport;
  runtimes: { electron: RuntimeReport; chromium: RuntimeReport };
  uploads: DoctorReport['uploads'];
  backends: DoctorReport['backends'];
}

function nodeOf(version: string): DoctorReport['app']['node'] {
  return { version, supportedMajor: SUPPORTED_NODE_MAJOR, supported: Number(version.split('.')[0]) === SUPPORTED_NODE_MAJOR };
}

/** irec under another Node than the app's own: it may work, but it is not what the app is built and tested on. */
const nodeWarnings = (node: DoctorReport['app']['node']): string[] =>
  node.supported
    ? []
    : [
        `irec runs on Node ${node.version}, but the app is built and tested on Node ${node.supportedMajor}: run it with Node ${node.supportedMajor}, or as \`<app> --cli\` in an installed app (docs/cli.md).`,
      ];

/**
 * Turns the collected facts into a report whose `problems` say, in one sentence each, why this installation
 * cannot record and process interviews. A missing Electron runtime is not a problem: the browser host serves.
 */
export function buildDoctorReport(inputs: DoctorInputs): DoctorReport {
  const node = nodeOf(inputs.nodeVersion);
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
    warnings: nodeWarnings(node),
    app: { name: PRODUCT_NAME, version: inputs.version, runtime: inputs.runtime, node },
    config: { sources: inputs.config.sources, problems: inputs.config.problems, origins: inputs.config.origins },
    policies: policiesInForce(inputs.config),
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
