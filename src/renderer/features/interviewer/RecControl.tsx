import { useState } from 'react';
import { describeCloudHealth } from '../../../shared/domain/cloud-health';
import { formatDuration } from '../../../shared/format';
import { api } from '../../api';
import { useLocale, useMessages } from '../../i18n/locale-context';
import { ConfirmDialog } from '../interview/ConfirmDialog';
import { deskCallMessages } from './desk-call-messages';
import type { RecIndicator } from './rec-indicator-state';
import type { CloudRecordingControl } from './use-cloud-recording';

/** The confirmation's consent sentence: the statement and when the candidate agreed, or that none is recorded here. */
async function consentWords(
  interviewId: string,
  t: (key: 'confirmConsent' | 'confirmNoConsent', values?: Record<string, string>) => string,
) {
  const consent = await api.getInterviewConsent({ interviewId }).catch(() => null);
  if (!consent) return t('confirmNoConsent');
  return t('confirmConsent', { time: new Date(consent.consentedAt).toLocaleString(), statement: consent.statement });
}

interface Props {
  interviewId: string;
  /** False when nothing can record this call (no Agora channel or LiveKit room). */
  recordable: boolean;
  control: CloudRecordingControl;
  indicator: RecIndicator;
}

/**
 * The always-visible REC indicator (its own timer, the backend's health in words) and Start/Stop. Start asks
 * first, naming the consent the candidate gave; the dialog's confirm ignores a double-click's second click.
 */
export function RecControl({ interviewId, recordable, control, indicator }: Props) {
  const t = useMessages(deskCallMessages);
  const { language } = useLocale();
  const [confirming, setConfirming] = useState<{ body: string; ready: boolean } | null>(null);
  const ask = async () => {
    const body = await consentWords(interviewId, t);
    setConfirming({ body, ready: false });
    setTimeout(() => setConfirming((was) => was && { ...was, ready: true }), 400);
  };
  const words = indicator.health ? describeCloudHealth(indicator.health, language) : recordable ? t('recIdle') : t('recUnavailable');
  const canStop = control.running && indicator.health !== 'stop-pending';
  return (
    <div className="desk-rec">
      <p className={`desk-rec-indicator desk-rec-${indicator.tone}`} role="status" data-health={indicator.health ?? 'none'}>
        {indicator.tone === 'recording' && <span className="rec-dot" aria-hidden="true" />}
        {indicator.elapsedMs !== null && (
          <span className="desk-rec-timer">{t('recTimer', { time: formatDuration(indicator.elapsedMs) })}</span>
        )}
        <span>{words}</span>
      </p>
      {control.error && (
        <p className="banner banner-error" role="alert">
          {t('recFailed', { reason: control.error })}
        </p>
      )}
      {recordable &&
        (canStop ? (
          <button type="button" className="button-secondary" disabled={control.busy} onClick={() => void control.stop()}>
            {t('recStop')}
          </button>
        ) : (
          !control.running && (
            <button type="button" className="button-primary" disabled={control.busy} onClick={() => void ask()}>
              {t('recStart')}
            </button>
          )
        ))}
      <ConfirmDialog
        open={confirming !== null}
        ready={confirming?.ready ?? false}
        title={t('confirmTitle')}
        body={confirming?.body ?? ''}
        confirmLabel={t('confirmStart')}
        cancelLabel={t('cancel')}
        onConfirm={() => {
          setConfirming(null);
          void control.start();
        }}
        onCancel={() => setConfirming(null)}
      />
    </div>
  );
}
