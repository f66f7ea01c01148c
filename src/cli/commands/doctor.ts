import type { DoctorReport, RuntimeReport, ToolReport } from '../../shared/domain/doctor';
import type { Core } from '../../core/create-core';
import { acknowledgeIncident } from '../../core/services/doctor/catalog-incident';
import { formatBytes, mark, type Output } from '../output';

const tool = (name: string, report: ToolReport) =>
  report.found ? `${mark(true)} ${name}: ${report.path} (${report.source}) — ${report.version}` : `${mark(false)} ${name}: ${report.error}`;

const runtime = (name: string, report: RuntimeReport) =>
  report.available
    ? `${mark(true)} ${name}: ${report.version ?? ''} ${report.path ?? ''}`.trimEnd()
    : `– ${name}: not available — ${report.reason}`;

const uploadsLine = (uploads: DoctorReport['uploads']) =>
  uploads.configured
    ? `${mark(uploads.failed === 0)} uploads: s3://${uploads.bucket} (${uploads.endpoint ?? `AWS ${uploads.region}`}) — ${uploads.open} open, ${uploads.failed} failed`
    : `– uploads: off — ${uploads.reason}`;

const backendsLines = ({ agora, livekit, media, owed, held }: DoctorReport['backends']) => [
  agora.url ? `${mark(true)} Agora recording backend: ${agora.url}` : '– Agora recording backend: not configured',
  livekit.url
    ? `${mark(livekit.hasToken)} LiveKit recording backend: ${livekit.url}${livekit.hasToken ? '' : ' — no token (backends.livekit.token)'}`
    : '– LiveKit recording backend: not configured',
  media.url
    ? `${mark(Boolean(media.site))} Media Recording API: ${media.url}${media.site ? ` (site ${media.site})` : ' — no site (backends.mediaApi.site)'}`
    : '– Media Recording API: not configured',
  `${mark(held === 0)} backend calls owed: ${owed}${held ? `, ${held} held for a new token` : ''}`,
];

const policyLines = (policies: DoctorReport['policies']) =>
  policies.length ? policies.map((p) => `  ${p.name} (${p.key}) = ${JSON.stringify(p.value)} — ${p.level}, ${p.source}`) : ['  none'];

export function formatDoctor(report: DoctorReport): string {
  const { app, config, dataDir, catalog } = report;
  const lines = [
    `${app.name} ${app.version} (${app.runtime}, Node ${app.node.version}${app.node.supported ? '' : ` — not Node ${app.node.supportedMajor}, the supported one`})`,
    '',
    'Configuration:',
    ...config.sources.map((s) => `  ${s.layer.padEnd(12)} ${s.status.padEnd(15)} ${s.source ?? ''}`.trimEnd()),
    '',
    'Policies in force:',
    ...policyLines(report.policies),
    '',
    `${mark(dataDir.writable)} data folder: ${dataDir.path} (${formatBytes(dataDir.freeBytes)} free)`,
    `${mark(catalog.ok)} catalog: ${catalog.path} — schema ${catalog.schemaVersion}/${catalog.latestSchemaVersion}, integrity ${catalog.integrity}`,
    ...(catalog.incident
      ? [`${mark(false)} catalog re-indexed after damage: ${catalog.incident.reindexed.length} recording(s) — not yet acknowledged`]
      : []),
    tool('ffmpeg', report.ffmpeg),
    tool('ffprobe', report.ffprobe),
    runtime('Electron', report.runtimes.electron),
    runtime('Chromium', report.runtimes.chromium),
    uploadsLine(report.uploads),
    ...backendsLines(report.backends),
    '',
    ...report.warnings.map((warning) => `Warning: ${warning}`),
    report.ok ? 'Healthy.' : `Not healthy:\n${report.problems.map((p) => `  - ${p}`).join('\n')}`,
  ];
  return lines.join('\n');
}

export function doctorCommand(core: Core, out: Output, options: { ack?: boolean } = {}): number {
  const acknowledged = options.ack ? acknowledgeIncident(core.catalog) : undefined;
  const report = core.doctor();
  const ackLine =
    acknowledged === undefined ? [] : [acknowledged ? 'Catalog notice acknowledged.' : 'No catalog notice to acknowledge.', ''];
  out.result(acknowledged === undefined ? report : { ...report, acknowledged }, () => [...ackLine, formatDoctor(report)].join('\n'));
  return report.ok ? 0 : 1;
}
