import { useState } from 'react';
import type { CloudSession } from '../../../shared/domain/cloud';
import type { Translate } from '../../../shared/i18n/messages';
import { api } from '../../api';
import { useMessages } from '../../i18n/locale-context';
import { cloudStatusMessages } from './cloud-status-messages';
import { useCloudSessions } from './use-cloud-sessions';

type CloudMessage = keyof (typeof cloudStatusMessages)['en'];

function describe(session: CloudSession, t: Translate<CloudMessage>): string {
  switch (session.state) {
    case 'stopping':
      if (session.backend === 'media' && session.bytesTotal) {
        const percent = Math.floor(((session.bytesSent ?? 0) / session.bytesTotal) * 100) / 100;
        return t(session.pending?.lastError ? 'willRetry' : 'uploading', { percent });
      }
      return t(session.pending?.lastError ? 'stopQueued' : 'stopping');
    default:
      return t(session.state);
  }
}

const healthy = (session: CloudSession) => !session.error && session.state !== 'failed' && session.state !== 'missed';

/**
 * The interview's cloud side, in one line per backend. Problems are shown as warnings, never as errors:
 * the interview is recorded on this computer whatever the backends do.
 */
export function CloudStatus({ interviewId, showLinks = false }: { interviewId: string; showLinks?: boolean }) {
  const t = useMessages(cloudStatusMessages);
  const sessions = useCloudSessions(interviewId);
  const [retried, setRetried] = useState(false);
  if (sessions.length === 0) return null;
  // Owed calls retry by themselves (within 15 s of the backend's return); the button is for not waiting.
  const waiting = sessions.some((s) => s.pending?.lastError);
  return (
    <ul className="cloud-status" aria-label={t('label')}>
      {showLinks && waiting && (
        <li>
          <button
            type="button"
            className="button-secondary"
            disabled={retried}
            onClick={() => {
              setRetried(true);
              void api.retryCloudCalls().finally(() => setTimeout(() => setRetried(false), 3000));
            }}
          >
            {retried ? t('retrying') : t('retry')}
          </button>
        </li>
      )}
      {sessions.map((session) => (
        <li key={session.id} className={healthy(session) ? 'cloud-ok' : 'cloud-warn'}>
          <span className="cloud-dot" aria-hidden="true" />
          <span>
            <strong>{t(session.backend)}</strong> · {describe(session, t)}
            {showLinks && session.error && <span className="muted"> — {session.error}</span>}
            {showLinks && session.recordingUrl && (
              <span className="cloud-url">
                {' '}
                <code>{session.recordingUrl}</code>
              </span>
            )}
          </span>
        </li>
      ))}
    </ul>
  );
}
