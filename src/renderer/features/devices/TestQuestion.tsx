import { useState } from 'react';
import { api } from '../../api';
import { useMessages } from '../../i18n/locale-context';
import { playAudio } from '../recorder/play-audio';
import { deviceMessages, type DeviceMessageKey } from './device-messages';
import { routeToSpeaker } from './speaker-output';

async function playOnChosenSpeaker(audio: Uint8Array): Promise<void> {
  const context = new AudioContext();
  try {
    await routeToSpeaker(context);
    await playAudio(context, audio, [context.destination]);
  } finally {
    await context.close();
  }
}

/** Plays the first question through the chosen speakers, as the interview will. */
export function TestQuestion() {
  const t = useMessages(deviceMessages);
  const [status, setStatus] = useState<DeviceMessageKey | null>(null);
  const play = async () => {
    setStatus('playing');
    try {
      const audio = await api.getQuestionAudio({ questionIndex: 0 });
      if (audio.source === 'none') return setStatus('noVoice');
      await playOnChosenSpeaker(audio.audio);
      setStatus('testPlayed');
    } catch {
      setStatus('noVoice');
    }
  };
  return (
    <div className="meter-row">
      <button type="button" className="button-secondary" disabled={status === 'playing'} onClick={() => void play()}>
        {t('playTest')}
      </button>
      <span className="muted" role="status">
        {status && t(status)}
      </span>
    </div>
  );
}
