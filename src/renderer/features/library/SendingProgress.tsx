import type { DeliveryOutcome } from '../../../shared/domain/delivery-outcome';
import { useLocale, useMessages } from '../../i18n/locale-context';
import { formatSize, formatTimeLeft } from './local-units';
import { outcomeMessages } from './outcome-messages';

type Sending = Extract<DeliveryOutcome, { kind: 'sending' }>;

/**
 * What is left to send, with a bar: the bytes still to go and about how long, or, while the video file is being
 * made, that (with its progress when known).
 */
export function SendingProgress({ outcome, finishing, label }: { outcome: Sending; finishing: number | null; label: string }) {
  const t = useMessages(outcomeMessages);
  const { locale } = useLocale();
  const uploading = outcome.stage === 'uploading' && outcome.bytesTotal > 0;
  const left = Math.max(0, outcome.bytesTotal - outcome.bytesSent);
  const values = { left: formatSize(left, locale), total: formatSize(outcome.bytesTotal, locale) };
  const text = !uploading
    ? t('finishing')
    : outcome.etaSeconds !== null
      ? t('leftToSendTime', { ...values, time: formatTimeLeft(outcome.etaSeconds, locale) })
      : t('leftToSend', values);
  const fraction = uploading ? outcome.bytesSent / outcome.bytesTotal : finishing;
  return (
    <div className="sending">
      <p className="sending-text">{text}</p>
      {fraction === null ? <progress aria-label={label} /> : <progress aria-label={label} max={1} value={fraction} />}
      {outcome.retrying && <p className="muted">{t('retrying')}</p>}
    </div>
  );
}
