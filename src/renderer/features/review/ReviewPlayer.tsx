import { useCallback, useEffect, useRef, useState } from 'react';
import type { ReviewRecording } from '../../../shared/domain/review';
import { formatDuration } from '../../../shared/format';
import { Banner } from '../../components/Banner';
import { useMessages } from '../../i18n/locale-context';
import { ChapterList } from './ChapterList';
import { nextSpeed, SKIP_SECONDS, SPEEDS, skippedTime, type PlayerAction } from './player-keys';
import { reviewMessages } from './review-messages';
import { useChaptersTrack } from './use-chapters-track';
import { usePlaybackSource } from './use-playback-source';
import { usePlayerKeys } from './use-player-keys';

interface Props {
  interviewId: string;
  recording: ReviewRecording;
  /** Lists the recordings again (a new link for an expired one). */
  onRefresh(): void;
}

/** One recording playing: the video, ±15 s, speed, the keyboard shortcuts, and its questions and notes to jump to. */
export function ReviewPlayer({ interviewId, recording, onRefresh }: Props) {
  const t = useMessages(reviewMessages);
  const video = useRef<HTMLVideoElement>(null);
  const { engine, problem, detail } = usePlaybackSource(video, recording.playbackUrl, recording.kind);
  const track = useRef<HTMLTrackElement>(null);
  const chapters = useChaptersTrack(interviewId, recording.ref, track);
  const [playing, setPlaying] = useState(false);
  const [speed, setSpeed] = useState(1);
  const [currentMs, setCurrentMs] = useState(0);

  useEffect(() => {
    if (video.current) video.current.playbackRate = speed;
  }, [speed]);

  const act = useCallback((action: PlayerAction) => {
    const element = video.current;
    if (!element) return;
    if (action.type === 'toggle') void (element.paused ? element.play().catch(() => undefined) : element.pause());
    if (action.type === 'skip') element.currentTime = skippedTime(element.currentTime, action.seconds, element.duration);
    if (action.type === 'speed') setSpeed((current) => nextSpeed(current, action.step));
  }, []);
  usePlayerKeys(act);

  const seek = (ms: number) => {
    if (video.current) video.current.currentTime = ms / 1000;
  };

  return (
    <section className="review-player" aria-label={t('player')}>
      {problem && (
        <Banner tone="error" title={t(problem, { detail })}>
          <button type="button" className="button-secondary" onClick={onRefresh}>
            {t('refresh')}
          </button>
        </Banner>
      )}
      <video
        ref={video}
        className="review-video"
        controls
        playsInline
        aria-label={recording.label}
        data-engine={engine ?? ''}
        onPlay={() => setPlaying(true)}
        onPause={() => setPlaying(false)}
        onTimeUpdate={(e) => setCurrentMs(Math.round(e.currentTarget.currentTime * 1000))}
        onSeeked={(e) => setCurrentMs(Math.round(e.currentTarget.currentTime * 1000))}
        onLoadedMetadata={(e) => (e.currentTarget.playbackRate = speed)}
      >
        {chapters.status === 'ready' && <track ref={track} kind="chapters" label={t('chaptersTrack')} default />}
      </video>
      <div className="review-controls">
        <button type="button" className="button-primary" onClick={() => act({ type: 'toggle' })}>
          {playing ? t('pause') : t('play')}
        </button>
        <button type="button" className="button-secondary" onClick={() => act({ type: 'skip', seconds: -SKIP_SECONDS })}>
          {t('back15')}
        </button>
        <button type="button" className="button-secondary" onClick={() => act({ type: 'skip', seconds: SKIP_SECONDS })}>
          {t('forward15')}
        </button>
        <label className="review-speed">
          {t('speed')}
          <select value={speed} onChange={(e) => setSpeed(Number(e.target.value))}>
            {SPEEDS.map((s) => (
              <option key={s} value={s}>
                {s}×
              </option>
            ))}
          </select>
        </label>
        <span className="muted review-time" aria-live="off">
          {formatDuration(currentMs)}
        </span>
      </div>
      <p className="muted review-shortcuts">{t('shortcuts')}</p>
      <h2>{t('chapters')}</h2>
      {chapters.status === 'error' && <p role="alert">{chapters.message}</p>}
      {chapters.status === 'ready' && <ChapterList cues={chapters.value.cues} currentMs={currentMs} onSeek={seek} />}
    </section>
  );
}
