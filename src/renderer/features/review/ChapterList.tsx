import type { ReviewCue } from '../../../shared/domain/review';
import { formatDuration } from '../../../shared/format';
import { useMessages } from '../../i18n/locale-context';
import { reviewMessages } from './review-messages';

/** The questions and notes of the recording in time order; choosing one moves the player there. */
export function ChapterList({ cues, currentMs, onSeek }: { cues: readonly ReviewCue[]; currentMs: number; onSeek(ms: number): void }) {
  const t = useMessages(reviewMessages);
  if (!cues.length) return <p className="muted">{t('noChapters')}</p>;
  return (
    <ol className="review-chapters">
      {cues.map((cue, i) => {
        const active = currentMs >= cue.startMs && currentMs < cue.endMs;
        return (
          <li key={`${cue.kind}-${cue.startMs}-${i}`} className={`review-cue review-cue-${cue.kind}`}>
            <button
              type="button"
              className="button-secondary"
              aria-current={active ? 'true' : undefined}
              onClick={() => onSeek(cue.startMs)}
            >
              <span className="review-cue-time">{formatDuration(cue.startMs)}</span>
              <span className="review-cue-kind">{t(cue.kind)}</span>
              <span className="review-cue-title">{cue.title}</span>
            </button>
          </li>
        );
      })}
    </ol>
  );
}
