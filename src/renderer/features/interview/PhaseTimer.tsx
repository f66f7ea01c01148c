import { formatElapsed } from '../recorder/geometry';
import { useMessages } from '../../i18n/locale-context';
import { interviewMessages } from './interview-messages';
import type { Phase } from './interview-runner';
import { spokenWarning, warningLevel } from './time-warnings';

interface Props {
  phase: Phase;
  phaseMs: number | null;
  remainingMs: number | null;
}

/**
 * The time left in the phase. It is deliberately not a live region (a ticking clock read aloud drowns the
 * candidate); near the end of an answer it changes look — amber with "!" from 30 s, red and larger from 10 s —
 * and a separate region says "30 seconds left" and "10 seconds left" once each.
 */
export function PhaseTimer({ phase, phaseMs, remainingMs }: Props) {
  const t = useMessages(interviewMessages);
  const answering = phase === 'answering' && phaseMs !== null && remainingMs !== null;
  const level = answering ? warningLevel(remainingMs) : 'calm';
  const spoken = answering ? spokenWarning(phaseMs, remainingMs) : null;
  return (
    <>
      {remainingMs !== null && (
        <p className={`countdown countdown-${level}`} data-level={level}>
          {level !== 'calm' && (
            <span className="countdown-icon" aria-hidden="true">
              !
            </span>
          )}
          <span className="countdown-time">{t('timeLeft', { time: formatElapsed(remainingMs + 999) })}</span>
          {level !== 'calm' && <span className="countdown-hint">{t(level)}</span>}
        </p>
      )}
      <p className="visually-hidden" aria-live="assertive" aria-atomic="true" data-testid="time-warnings">
        {spoken === null ? '' : t(spoken === 30 ? 'announce30' : 'announce10')}
      </p>
    </>
  );
}
