import { useCallback } from 'react';
import { LOW_DISK_BYTES, type DoctorReport } from '../../../shared/domain/doctor';
import { api } from '../../api';
import { CheckRow } from '../../components/CheckRow';
import { useAsync } from '../../hooks/use-async';
import { CatalogNotice } from './CatalogNotice';
import { formatBytes } from '../../../shared/format';

function checks(report: DoctorReport) {
  const { dataDir, catalog, ffmpeg, ffprobe, config } = report;
  const ignored = config.problems.length;
  return [
    {
      label: 'Settings',
      ok: ignored === 0,
      detail: ignored === 0 ? 'In effect' : `${ignored} ${ignored === 1 ? 'setting was' : 'settings were'} ignored; see the notice above`,
    },
    {
      label: 'Storage',
      ok: dataDir.writable && (dataDir.freeBytes === null || dataDir.freeBytes >= LOW_DISK_BYTES),
      detail: dataDir.writable ? `${formatBytes(dataDir.freeBytes)} free in ${dataDir.path}` : `Cannot write to ${dataDir.path}`,
    },
    {
      label: 'Recording library',
      ok: catalog.ok,
      detail: !catalog.ok ? catalog.integrity : catalog.incident ? 'Ready (rebuilt from the recordings on disk)' : 'Ready',
    },
    {
      label: 'Video processing',
      ok: ffmpeg.found && ffprobe.found,
      detail: ffmpeg.found && ffprobe.found ? 'ffmpeg found' : 'ffmpeg or ffprobe is missing; recordings are kept but cannot be finalized',
    },
  ];
}

export function ReadinessPanel() {
  const [report, reload] = useAsync(useCallback(() => api.runDoctor(), []));
  return (
    <section className="card" aria-labelledby="readiness-title" aria-busy={report.status === 'loading'}>
      <div className="card-head">
        <h2 id="readiness-title">This computer</h2>
        <button type="button" className="button-secondary" onClick={reload}>
          Check again
        </button>
      </div>
      {report.status === 'loading' && <p className="muted">Checking…</p>}
      {report.status === 'error' && <p role="alert">The check could not run: {report.message}</p>}
      {report.status === 'ready' && report.value.catalog.incident && (
        <CatalogNotice incident={report.value.catalog.incident} onDismiss={() => void api.acknowledgeCatalogNotice().finally(reload)} />
      )}
      {report.status === 'ready' && <Checks report={report.value} />}
    </section>
  );
}

function Checks({ report }: { report: DoctorReport }) {
  const rows = checks(report);
  const failing = rows.filter((row) => !row.ok).length;
  return (
    <>
      <ul className="checks">
        {rows.map((row) => (
          <CheckRow key={row.label} {...row} />
        ))}
      </ul>
      <p className={failing === 0 ? 'summary-ok' : 'summary-bad'}>
        {failing === 0 ? 'Ready to record.' : `${failing === 1 ? 'One thing needs' : `${failing} things need`} attention before recording.`}
      </p>
    </>
  );
}
