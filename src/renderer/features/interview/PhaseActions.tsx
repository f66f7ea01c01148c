import { useState } from 'react';
import type { Question } from '../../../shared/interview/script';
import { useMessages } from '../../i18n/locale-context';
import { ConfirmDialog } from './ConfirmDialog';
import { interviewMessages } from './interview-messages';
import type { RunnerState } from './interview-runner';
import { phaseGuardOpen } from './phase-guard';

interface Props {
  state: RunnerState;
  question: Question;
  isLast: boolean;
  /** performance.now(), refreshed a few times a second. */
  now: number;
  onSkip(): void;
  onRetake(): void;
  onReplay(): Promise<void>;
}

/**
 * The buttons of the current phase. Thinking's buttons sit at the start of the row, answering's at its end
 * below the retake note, so the button that replaces the one just pressed is never under the pointer; all
 * ignore clicks for a moment after a phase change, and Next and Finish ask first (the move at 0:00 does not).
 */
export function PhaseActions({ state, question, isLast, now, onSkip, onRetake, onReplay }: Props) {
  const t = useMessages(interviewMessages);
  const phaseKey = `${state.questionIndex}:${state.take}:${state.phase}`;
  const ready = phaseGuardOpen(state.phaseStartedAt, now);
  const [confirming, setConfirming] = useState<{ phaseKey: string; openedAt: number } | null>(null);
  const [replaying, setReplaying] = useState(false);

  if (state.phase === 'thinking') {
    const replay = () => {
      setReplaying(true);
      void onReplay().finally(() => setReplaying(false));
    };
    return (
      <div className="actions phase-actions-think">
        <button type="button" className="button-primary" disabled={!ready} onClick={onSkip}>
          {t('startAnswering')}
        </button>
        <button type="button" className="button-secondary" disabled={!ready || replaying} onClick={replay}>
          {t('hearAgain')}
        </button>
      </div>
    );
  }
  if (state.phase !== 'answering') return null;

  const retakesLeft = question.retakes - (state.take - 1);
  // The dialog belongs to this phase: the move at 0:00 closes it.
  const open = confirming?.phaseKey === phaseKey;
  return (
    <div className="phase-actions-answer">
      {question.retakes > 0 && (
        <div className="retake-note">
          <p className="retakes-left">{t('retakesLeft', { count: retakesLeft })}</p>
          {retakesLeft > 0 && <p className="muted">{t('retakeMeaning')}</p>}
        </div>
      )}
      <div className="actions">
        {retakesLeft > 0 && (
          <button type="button" className="button-secondary" disabled={!ready} onClick={onRetake}>
            {t('retake')}
          </button>
        )}
        <button
          type="button"
          className="button-primary"
          disabled={!ready}
          onClick={() => setConfirming({ phaseKey, openedAt: performance.now() })}
        >
          {isLast ? t('finish') : t('next')}
        </button>
      </div>
      <ConfirmDialog
        open={open}
        ready={open && phaseGuardOpen(confirming.openedAt, now)}
        title={isLast ? t('confirmFinishTitle') : t('confirmNextTitle')}
        body={isLast ? t('confirmFinishBody') : t('confirmNextBody')}
        confirmLabel={isLast ? t('confirmFinishYes') : t('confirmNextYes')}
        cancelLabel={t('keepAnswering')}
        onConfirm={() => {
          setConfirming(null);
          onSkip();
        }}
        onCancel={() => setConfirming(null)}
      />
    </div>
  );
}
