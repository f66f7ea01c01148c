import { useEffect, useRef, useState } from 'react';
import { useMessages } from '../../i18n/locale-context';
import { deviceMessages } from './device-messages';
import { playClip, recordClip } from './record-clip';

const SECONDS = 5;

type Take = { phase: 'idle' } | { phase: 'recording'; left: number } | { phase: 'ready'; url: string } | { phase: 'failed' };

/** "Record 5 s and play back": the candidate sees and hears themselves through the chosen devices. */
export function RecordPlayback({ stream }: { stream: MediaStream }) {
  const t = useMessages(deviceMessages);
  const [take, setTake] = useState<Take>({ phase: 'idle' });
  const video = useRef<HTMLVideoElement>(null);
  const running = useRef<AbortController | null>(null);
  useEffect(() => () => running.current?.abort(), [stream]);
  useEffect(() => {
    if (take.phase !== 'ready') return;
    if (video.current) void playClip(video.current);
    return () => URL.revokeObjectURL(take.url);
  }, [take]);

  const record = async () => {
    const controller = new AbortController();
    running.current = controller;
    setTake({ phase: 'recording', left: SECONDS });
    const started = Date.now();
    const tick = setInterval(
      () => setTake({ phase: 'recording', left: Math.max(1, SECONDS - Math.floor((Date.now() - started) / 1000)) }),
      250,
    );
    try {
      const clip = await recordClip(stream, SECONDS * 1000, controller.signal);
      if (!controller.signal.aborted) setTake({ phase: 'ready', url: URL.createObjectURL(clip) });
    } catch {
      if (!controller.signal.aborted) setTake({ phase: 'failed' });
    } finally {
      clearInterval(tick);
    }
  };

  return (
    <div className="record-playback">
      <div className="meter-row">
        <button type="button" className="button-secondary" disabled={take.phase === 'recording'} onClick={() => void record()}>
          {take.phase === 'ready' ? t('recordAgain') : t('record')}
        </button>
        {take.phase === 'recording' && (
          <span className="recording-countdown" aria-hidden="true">
            {t('recordingNow', { seconds: take.left })}
          </span>
        )}
        <span role="status" className="muted">
          {take.phase === 'recording' && t('recordingStarted')}
          {take.phase === 'ready' && t('playbackReady')}
          {take.phase === 'failed' && t('recordFailed')}
        </span>
      </div>
      {take.phase === 'ready' && (
        <video ref={video} key={take.url} className="playback" src={take.url} controls playsInline aria-label={t('playbackLabel')} />
      )}
    </div>
  );
}
