import type { ReviewRecording } from '../../../shared/domain/review';
import { formatDuration } from '../../../shared/format';
import { useMessages } from '../../i18n/locale-context';
import { reviewMessages } from './review-messages';

interface Props {
  recordings: readonly ReviewRecording[];
  selected: string | null;
  nextRefreshMs: number | null;
  onSelect(ref: string): void;
}

/** The interview's recordings: where each is from, what it is, and whether it plays yet (or why not). */
export function RecordingPicker({ recordings, selected, nextRefreshMs, onSelect }: Props) {
  const t = useMessages(reviewMessages);
  const stateOf = (r: ReviewRecording) =>
    r.status === 'processing'
      ? t('processing', { seconds: Math.round((nextRefreshMs ?? r.retryAfterMs ?? 0) / 1000) })
      : r.status === 'failed'
        ? t('failed', { reason: r.error ?? '' })
        : formatDuration(r.durationMs);
  return (
    <ul className="review-recordings">
      {recordings.map((r) => (
        <li key={r.ref}>
          <button
            type="button"
            className="button-secondary review-recording"
            aria-pressed={selected === r.ref}
            disabled={r.status !== 'ready'}
            onClick={() => onSelect(r.ref)}
          >
            <span className="recording-title">
              {t(r.source)} · {t(r.kind)}
            </span>
            <span className="muted">{r.label}</span>
            <span className={r.status === 'ready' ? 'muted' : 'review-recording-state'}>{stateOf(r)}</span>
          </button>
        </li>
      ))}
    </ul>
  );
}
