import { useEffect, useId } from 'react';
import { useMessages } from '../../i18n/locale-context';
import { deviceMessages } from './device-messages';
import { SOUND_LEVEL, useMicLevel } from './use-mic-level';

/**
 * The microphone's live level. The meter itself is silent for screen readers' live regions; only the result
 * ("We hear you") is announced, once.
 */
export function MicMeter({ stream, onHeard }: { stream: MediaStream; onHeard(): void }) {
  const t = useMessages(deviceMessages);
  const label = useId();
  const { level, heard } = useMicLevel(stream);
  useEffect(() => {
    if (heard) onHeard();
  }, [heard, onHeard]);
  return (
    <div className="meter-row">
      <span id={label}>{t('micLevel')}</span>
      <meter aria-labelledby={label} min={0} max={100} low={SOUND_LEVEL * 100} value={Math.round(level * 100)} className="meter" />
      <span role="status" className={heard ? 'mic-heard' : 'muted'}>
        {heard ? t('micHeard') : t('micPrompt')}
      </span>
    </div>
  );
}
