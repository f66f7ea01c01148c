import { useId } from 'react';
import { useMessages } from '../../i18n/locale-context';
import { deviceMessages } from './device-messages';

interface Props {
  /** The camera and microphone are open. */
  ready: boolean;
  /** The microphone carried sound, or the candidate said they are somewhere silent. */
  soundChecked: boolean;
  heard: boolean;
  quiet: boolean;
  onQuietChange(quiet: boolean): void;
  onStart(): void;
  onBack(): void;
}

/**
 * Start (with the reason when it is not available yet, and the way past the sound check) and Back. The row
 * stays at the bottom of the window on small screens, so Start is never below the fold.
 */
export function StartActions({ ready, soundChecked, heard, quiet, onQuietChange, onStart, onBack }: Props) {
  const t = useMessages(deviceMessages);
  const reason = useId();
  const quietBox = useId();
  const waitingForSound = ready && !heard;
  return (
    <div className="device-actions">
      {waitingForSound && (
        <div className="device-actions-reason">
          {!quiet && (
            <p id={reason} className="muted">
              {t('startNeedsSound')}
            </p>
          )}
          <label className="check-label-row" htmlFor={quietBox}>
            <input id={quietBox} type="checkbox" checked={quiet} onChange={(event) => onQuietChange(event.target.checked)} />
            {t('quietPlace')}
          </label>
        </div>
      )}
      <div className="actions">
        <button
          type="button"
          className="button-primary"
          disabled={!ready || !soundChecked}
          aria-describedby={waitingForSound && !quiet ? reason : undefined}
          onClick={onStart}
        >
          {t('start')}
        </button>
        <button type="button" className="button-secondary" onClick={onBack}>
          {t('back')}
        </button>
      </div>
    </div>
  );
}
