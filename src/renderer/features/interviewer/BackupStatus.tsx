import { formatDuration } from '../../../shared/format';
import { useMessages } from '../../i18n/locale-context';
import { backupMessages } from './backup/backup-messages';
import type { BackupRecording } from './backup/use-backup-recording';

/** The local backup's state in words beside the REC indicator, with Stop (or Start again after a stop or failure). */
export function BackupStatus({ backup }: { backup: BackupRecording }) {
  const t = useMessages(backupMessages);
  const { state } = backup;
  const words =
    state === 'recording'
      ? t('recording', { elapsed: formatDuration(backup.elapsedMs) })
      : state === 'failed'
        ? t('failed', { reason: backup.error ?? '' })
        : t(state);
  const canStart = state === 'idle' || state === 'stopped' || state === 'failed';
  return (
    <div className="desk-backup">
      <p className={`desk-backup-status desk-backup-${state}`} role="status" data-state={state}>
        {words}
      </p>
      {state === 'recording' && (
        <button type="button" className="button-secondary" onClick={() => void backup.stop()}>
          {t('stop')}
        </button>
      )}
      {canStart && (
        <button type="button" className="button-secondary" onClick={() => void backup.start()}>
          {t('start')}
        </button>
      )}
    </div>
  );
}
