import { useCallback, useEffect, useRef, useState } from 'react';
import { formatBytes } from '../../../shared/format';
import { api } from '../../api';
import { useAsync } from '../../hooks/use-async';
import { playAudio } from '../recorder/play-audio';
import { bytesPerSecond, type ScriptInfo } from '../interview/use-script';
import { MicMeter } from './MicMeter';
import type { MediaState } from './use-media';

async function playThroughSpeakers(audio: Uint8Array): Promise<void> {
  const context = new AudioContext();
  try {
    await playAudio(context, audio, [context.destination]);
  } finally {
    await context.close();
  }
}

interface Props {
  info: ScriptInfo;
  media: MediaState;
  retry(): void;
  onStart(stream: MediaStream): void;
}

export function DeviceCheckScreen({ info, media, retry, onStart }: Props) {
  const video = useRef<HTMLVideoElement>(null);
  const [disk] = useAsync(useCallback(() => api.getDiskStatus(), []));
  const [testSound, setTestSound] = useState<string | null>(null);
  useEffect(() => {
    if (video.current && media.status === 'ready') video.current.srcObject = media.stream;
  }, [media]);

  const needed = bytesPerSecond(info) * info.maxSeconds * 2; // the recording, and once more while finalizing
  const playTest = async () => {
    setTestSound('Playing…');
    const audio = await api.getQuestionAudio({ questionIndex: 0 });
    if (audio.source === 'none') return setTestSound(`No voice available: ${audio.reason} Questions will be shown as text.`);
    await playThroughSpeakers(audio.audio);
    setTestSound('Did you hear the first question? If not, check your speakers or headphones.');
  };

  return (
    <section className="card flow" aria-labelledby="devices-title">
      <h1 id="devices-title">Check your camera, microphone and speakers</h1>
      {media.status === 'asking' && <p className="muted">Asking for your camera and microphone…</p>}
      {media.status === 'error' && (
        <div className="banner banner-error" role="alert">
          <strong>{media.title}</strong>
          <p>{media.advice}</p>
          <button type="button" className="button-secondary" onClick={retry}>
            Try again
          </button>
        </div>
      )}
      {media.status === 'ready' && (
        <>
          <video ref={video} className="preview" autoPlay muted playsInline aria-label="Your camera preview" />
          <MicMeter stream={media.stream} />
        </>
      )}
      <div className="meter-row">
        <button type="button" className="button-secondary" onClick={() => void playTest()}>
          Play test question
        </button>
        <span className="muted" aria-live="polite">
          {testSound}
        </span>
      </div>
      {disk.status === 'ready' && (
        <p className={disk.value.freeBytes !== null && disk.value.freeBytes < needed ? 'summary-bad' : 'muted'}>
          Free space: {formatBytes(disk.value.freeBytes)}; this interview needs up to {formatBytes(needed)}.
          {disk.value.freeBytes !== null &&
            disk.value.freeBytes < needed &&
            ' Free some space before you start, or the recording may stop early.'}
        </p>
      )}
      <div className="actions">
        <button
          type="button"
          className="button-primary"
          disabled={media.status !== 'ready'}
          onClick={() => media.status === 'ready' && onStart(media.stream)}
        >
          Start interview
        </button>
      </div>
    </section>
  );
}
