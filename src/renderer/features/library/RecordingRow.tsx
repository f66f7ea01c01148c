import type { RecordingSummary } from '../../../shared/domain/recording';
import { formatDuration } from '../../../shared/format';
import { useLocale, useMessages } from '../../i18n/locale-context';
import { reviewMessages } from '../review/review-messages';
import { formatSize } from './local-units';
import { outcomeMessages } from './outcome-messages';
import { OUTCOME_TITLE, recordingLength } from './outcome-words';
import { OutcomeAction } from './OutcomeAction';
import { useDelivery } from './use-delivery';

/** A sign before the words, so the state reads at a glance (Submitted carries its ✓ in its words). */
const ICON = { submitted: '', sending: '↑', 'needs-attention': '!', 'saved-locally': '●', paused: 'Ⅱ', recording: '●' } as const;

/** One recording in the list: when, how long, and its outcome in the finish screen's words, with its one action. */
export function RecordingRow({ summary, onReview }: { summary: RecordingSummary; onReview?: (interviewId: string) => void }) {
  const t = useMessages(outcomeMessages);
  const tr = useMessages(reviewMessages);
  const { locale } = useLocale();
  const { outcome, recording, finishing, busy, act } = useDelivery(summary.id, summary.interviewId);
  const length = recording ? recordingLength(recording) : summary.durationMs;
  const meta = [
    new Date(summary.startedAt).toLocaleString(locale, { dateStyle: 'medium', timeStyle: 'short' }),
    length === null ? null : formatDuration(length),
    formatSize(summary.sizeBytes, locale),
  ];
  return (
    <li className={outcome ? `outcome-row outcome-${outcome.kind}` : 'outcome-row'}>
      <span className="recording-title">{summary.interviewTitle}</span>
      <span className="muted">{meta.filter(Boolean).join(' · ')}</span>
      <span className="outcome-badge">
        {outcome && (
          <>
            {ICON[outcome.kind] && (
              <span className="outcome-icon" aria-hidden="true">
                {ICON[outcome.kind]}
              </span>
            )}
            {outcome.kind === 'paused' ? t('pausedHint') : t(OUTCOME_TITLE[outcome.kind])}
          </>
        )}
      </span>
      {outcome?.kind === 'sending' && (
        <progress
          className="row-progress"
          max={1}
          value={outcome.bytesTotal > 0 ? outcome.bytesSent / outcome.bytesTotal : (finishing ?? 0)}
          aria-label={t('sendingRow', { title: summary.interviewTitle })}
        />
      )}
      {outcome?.kind === 'needs-attention' && outcome.action && (
        <span className="row-action">
          <OutcomeAction action={outcome.action} busy={busy} secondary onAct={act} />
        </span>
      )}
      {onReview && (summary.state === 'finalized' || summary.state === 'uploaded') && (
        <span className="row-action">
          <button
            type="button"
            className="button-secondary"
            aria-label={tr('openReviewLabel', { title: summary.interviewTitle })}
            onClick={() => onReview(summary.interviewId)}
          >
            {tr('openReview')}
          </button>
        </span>
      )}
    </li>
  );
}
