import type { CatalogIncidentReport } from '../../../shared/domain/doctor';
import { Banner } from '../../components/Banner';
import { useMessages } from '../../i18n/locale-context';
import { homeMessages } from './home-messages';

/** The recordings library had to be rebuilt from the files on disk: shown until the user dismisses it. */
export function CatalogNotice({ incident, onDismiss }: { incident: CatalogIncidentReport; onDismiss: () => void }) {
  const t = useMessages(homeMessages);
  return (
    <Banner tone="warning" title={t('catalogTitle')}>
      <p>
        {t('catalogBody', { when: new Date(incident.detectedAt), reason: incident.reason, count: incident.reindexed.length })}
        {incident.movedAsideTo && <> {t('movedAside', { path: incident.movedAsideTo })}</>}
      </p>
      {incident.skipped.length > 0 && (
        <ul>
          {incident.skipped.map((s) => (
            <li key={s.folder}>
              {s.folder}: {s.reason}
            </li>
          ))}
        </ul>
      )}
      <button type="button" className="button-secondary" onClick={onDismiss}>
        {t('dismiss')}
      </button>
    </Banner>
  );
}
