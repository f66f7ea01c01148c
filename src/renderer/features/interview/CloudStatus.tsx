import { useState } from 'react';
import { CLOUD_BACKEND_NAMES, type CloudSession } from '../../../shared/domain/cloud';
import { api } from '../../api';
import { useCloudSessions } from './use-cloud-sessions';

function describe(session: CloudSession): string {
  switch (session.state) {
    case 'registering':
      return 'connecting…';
    case 'active':
      return session.statusText ?? 'recording';
    case 'stopping':
      if (session.backend === 'media' && session.bytesTotal)
        return `uploading, ${Math.floor(((session.bytesSent ?? 0) / session.bytesTotal) * 100)} %${session.pending?.lastError ? ' (will retry)' : ''}`;
      return session.pending?.lastError ? 'stop queued: the backend is unreachable, it will be sent when it is back' : 'stopping…';
    case 'processing':
      return 'processing on the server…';
    case 'done':
      return 'ready';
    case 'failed':
      return 'failed';
    case 'missed':
      return 'not recorded in the cloud';
  }
}

const healthy = (session: CloudSession) => !session.error && session.state !== 'failed' && session.state !== 'missed';

/**
 * The interview's cloud side, in one line per backend. Problems are shown as warnings, never as errors:
 * the interview is recorded on this computer whatever the backends do.
 */
export function CloudStatus({ interviewId, showLinks = false }: { interviewId: string; showLinks?: boolean }) {
  const sessions = useCloudSessions(interviewId);
  const [retried, setRetried] = useState(false);
  if (sessions.length === 0) return null;
  // Owed calls retry by themselves (within 15 s of the backend's return); the button is for not waiting.
  const waiting = sessions.some((s) => s.pending?.lastError);
  return (
    <ul className="cloud-status" aria-label="Cloud recording">
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
            {retried ? 'Trying again…' : 'Try the backend again now'}
          </button>
        </li>
      )}
      {sessions.map((session) => (
        <li key={session.id} className={healthy(session) ? 'cloud-ok' : 'cloud-warn'}>
          <span className="cloud-dot" aria-hidden="true" />
          <span>
            <strong>{CLOUD_BACKEND_NAMES[session.backend]}</strong> · {describe(session)}
            {session.error && <span className="muted"> — {session.error}</span>}
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
