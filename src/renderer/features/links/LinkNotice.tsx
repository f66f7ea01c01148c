import { Banner } from '../../components/Banner';
import { useMessages } from '../../i18n/locale-context';
import { linkMessages } from './link-messages';
import type { LinkNotice as Notice } from './use-interview-links';

/** A link waiting for the interview to end, or one that was refused (with the reason). */
export function LinkNotice({ notice, onDismiss }: { notice: Notice; onDismiss(): void }) {
  const t = useMessages(linkMessages);
  if (!notice) return null;
  if (notice.kind === 'waiting')
    return (
      <Banner tone="info" title={t('waitingTitle')}>
        {t('waitingBody', { host: notice.host ?? 'none' })}
      </Banner>
    );
  return (
    <Banner tone="error" title={t('failedTitle')}>
      <p>{t('failedBody', { error: notice.error })}</p>
      <button type="button" className="button-secondary" onClick={onDismiss}>
        {t('dismiss')}
      </button>
    </Banner>
  );
}
