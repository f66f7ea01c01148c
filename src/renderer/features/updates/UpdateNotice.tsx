import { api } from '../../api';
import { Banner } from '../../components/Banner';
import { useAction } from '../../hooks/use-action';
import { useMessages } from '../../i18n/locale-context';
import { updateNotice } from './update-notice';
import { updateMessages } from './update-messages';
import { useUpdateState } from './use-update-state';

/** The app's own update on the home screen (never during an interview): on offer, downloading, ready, or failed. */
export function UpdateNotice() {
  const t = useMessages(updateMessages);
  const notice = updateNotice(useUpdateState());
  const { actionError, act } = useAction();
  if (!notice) return null;
  const failed = actionError && <p>{t('details', { reason: actionError })}</p>;
  switch (notice.kind) {
    case 'available':
      return (
        <Banner tone="info" title={t('available', { version: notice.version })}>
          <button type="button" className="button-secondary" onClick={() => act(() => api.downloadUpdate())}>
            {t('download')}
          </button>
          {failed}
        </Banner>
      );
    case 'downloading':
      return (
        <Banner tone="info" title={t('downloading', { version: notice.version })}>
          {notice.percent === null ? (
            <progress aria-label={t('progressLabel')} />
          ) : (
            <>
              <progress aria-label={t('progressLabel')} max={100} value={notice.percent} /> {t('percent', { percent: notice.percent })}
            </>
          )}
        </Banner>
      );
    case 'downloaded':
      return (
        <Banner tone="info" title={t('downloaded', { version: notice.version })}>
          <p>{t(notice.installsOnQuit ? 'installsOnQuit' : 'restartToUse')}</p>
          <button type="button" className="button-primary" onClick={() => act(() => api.installUpdate())}>
            {t('restart')}
          </button>
          {failed}
        </Banner>
      );
    case 'error':
      return (
        <Banner tone="warning" title={t('failed')}>
          <p>{t('failedBody')}</p>
          {notice.reason && <p>{t('details', { reason: notice.reason })}</p>}
          <button type="button" className="button-secondary" onClick={() => act(() => api.checkForUpdates())}>
            {t('tryAgain')}
          </button>
        </Banner>
      );
  }
}
