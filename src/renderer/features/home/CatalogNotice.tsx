import type { CatalogIncidentReport } from '../../../shared/domain/doctor';
import { Banner } from '../../components/Banner';

const WHAT: Record<CatalogIncidentReport['reason'], string> = {
  corrupt: 'was damaged',
  empty: 'was found empty',
  missing: 'was missing',
};

/** The recordings library had to be rebuilt from the files on disk: shown until the user dismisses it. */
export function CatalogNotice({ incident, onDismiss }: { incident: CatalogIncidentReport; onDismiss: () => void }) {
  const count = incident.reindexed.length;
  return (
    <Banner tone="warning" title="The recordings library was rebuilt">
      <p>
        On {new Date(incident.detectedAt).toLocaleString()} the library of recordings {WHAT[incident.reason]}. It was rebuilt from the
        recordings on this computer: {count} {count === 1 ? 'recording was' : 'recordings were'} found again and will be finished and
        uploaded as usual.
        {incident.movedAsideTo && <> The old library file was kept for support at {incident.movedAsideTo}.</>}
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
        Dismiss
      </button>
    </Banner>
  );
}
