import { useCallback, useState } from 'react';
import { LOW_DISK_BYTES, type DoctorReport } from '../../../shared/domain/doctor';
import { UNNAMED_ORGANIZATION } from '../../../shared/interview/script';
import { api } from '../../api';
import { CheckRow } from '../../components/CheckRow';
import { useAsync } from '../../hooks/use-async';
import { useLocale, useMessages } from '../../i18n/locale-context';
import { spaceNeeded, useInterviewScript, type ScriptInfo } from '../interview/use-script';
import { outcomeMessages } from '../library/outcome-messages';
import { CatalogNotice } from './CatalogNotice';
import { candidateChecks, technicalChecks, type CandidateContext } from './readiness-checks';
import { readinessMessages } from './readiness-messages';
import { useDevicePresence } from './use-device-presence';

/** What this interview may take on disk: its longest length, held twice while the video file is made. */
const neededBytes = (info: ScriptInfo | null) => (info ? spaceNeeded(info) : LOW_DISK_BYTES);

/** "Is this computer ready?" in the candidate's words, with the installation's facts behind "Technical details". */
export function ReadinessPanel() {
  const t = useMessages(readinessMessages);
  const [generation, setGeneration] = useState(0);
  const [report, reload] = useAsync(useCallback(() => api.runDoctor(), []));
  const devices = useDevicePresence(generation);
  const [script] = useInterviewScript();
  const info = script.status === 'ready' && script.value.ok ? script.value : null;
  const organization = useOrganization(info);
  const checkAgain = () => {
    setGeneration((g) => g + 1);
    reload();
  };
  const context: CandidateContext = { devices, neededBytes: neededBytes(info), organization, practice: info?.source === 'demo' };
  return (
    <section className="card" aria-labelledby="readiness-title" aria-busy={report.status === 'loading'}>
      <div className="card-head">
        <h2 id="readiness-title">{t('title')}</h2>
        <button type="button" className="button-secondary" onClick={checkAgain}>
          {t('checkAgain')}
        </button>
      </div>
      {report.status === 'loading' && <p className="muted">{t('checking')}</p>}
      {report.status === 'error' && <p role="alert">{t('checkFailed', { message: report.message })}</p>}
      {report.status === 'ready' && report.value.catalog.incident && (
        <CatalogNotice incident={report.value.catalog.incident} onDismiss={() => void api.acknowledgeCatalogNotice().finally(reload)} />
      )}
      {report.status === 'ready' && <Checks report={report.value} context={context} />}
    </section>
  );
}

function useOrganization(info: ScriptInfo | null): string {
  const hiringTeam = useMessages(outcomeMessages)('hiringTeam');
  const named = info?.script.organization;
  return named && named !== UNNAMED_ORGANIZATION ? named : hiringTeam;
}

function Checks({ report, context }: { report: DoctorReport; context: CandidateContext }) {
  const t = useMessages(readinessMessages);
  const { locale } = useLocale();
  const rows = candidateChecks(report, context, t, locale);
  const failing = rows.filter((row) => !row.ok).length;
  return (
    <>
      <ul className="checks">
        {rows.map(({ key, ...row }) => (
          <CheckRow key={key} {...row} />
        ))}
      </ul>
      <p className={failing === 0 ? 'summary-ok' : 'summary-bad'}>
        {failing === 0 ? t('allReady') : t('someNotReady', { count: failing })}
      </p>
      <details className="technical-details">
        <summary>{t('technicalDetails')}</summary>
        <ul className="checks">
          {technicalChecks(report, t, locale).map(({ key, ...row }) => (
            <CheckRow key={key} {...row} />
          ))}
        </ul>
      </details>
    </>
  );
}
