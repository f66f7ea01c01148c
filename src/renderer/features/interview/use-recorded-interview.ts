import { useEffect, useRef, useState } from 'react';
import { api } from '../../api';
import { startRecorderSession, type RecorderSession } from '../recorder/recorder-session';
import { createInterviewRunner, type RunnerState } from './interview-runner';
import { bytesPerSecond, type ScriptInfo } from './use-script';

export interface InterviewResult {
  recordingId: string | null;
  chunks: number;
  bytes: number;
  durationMs: number;
  stoppedBecause: string | null;
}

export interface LiveStatus {
  runner: RunnerState | null;
  diskLow: boolean;
  paused: boolean;
  preview: MediaStream | null;
}

/**
 * Starts the recording and runs the questions over it; reports live status and, at the end, what was kept.
 * The session starts once per mount, however often React re-renders.
 */
export function useRecordedInterview(
  info: ScriptInfo,
  interviewId: string,
  stream: MediaStream,
  onDone: (result: InterviewResult) => void,
) {
  const [status, setStatus] = useState<LiveStatus>({ runner: null, diskLow: false, paused: false, preview: null });
  const controls = useRef<{ skip(): void; retake(): void } | null>(null);
  const started = useRef(false);

  useEffect(() => {
    if (started.current) return;
    started.current = true;
    let session: RecorderSession | null = null;
    let stoppedBecause: string | null = null;
    const done = () =>
      onDone({
        recordingId: session?.recordingId ?? null,
        ...(session?.totals() ?? { chunks: 0, bytes: 0 }),
        durationMs: session?.recordedMs() ?? 0,
        stoppedBecause,
      });
    const audio = new Map<number, ReturnType<typeof api.getQuestionAudio>>();
    const audioFor = (i: number) => {
      if (!audio.has(i)) audio.set(i, api.getQuestionAudio({ questionIndex: i }));
      return audio.get(i)!;
    };
    let warnedLow = false;

    void (async () => {
      const runner = createInterviewRunner({
        questions: info.script.questions,
        ask: async (index) => {
          const sound = await audioFor(index);
          if (index + 1 < info.script.questions.length) void audioFor(index + 1);
          if (sound.source === 'none') {
            session?.mark('speech.unavailable', { index, reason: sound.reason });
            return sound.reason;
          }
          await session?.playQuestion(sound.audio);
          return null;
        },
        mark: (kind, data) => session?.mark(kind, data),
        newSegment: () => session?.newSegment() ?? Promise.resolve(),
        onState: (runnerState) => setStatus((s) => ({ ...s, runner: runnerState })),
      });
      controls.current = runner;
      try {
        session = await startRecorderSession({
          api,
          interviewId,
          camera: stream,
          microphone: stream,
          videoBitsPerSecond: info.videoBitsPerSecond,
          audioBitsPerSecond: info.audioBitsPerSecond,
          onFatal: (reason) => {
            stoppedBecause = reason;
            runner.cancel();
          },
          onStatus: ({ freeBytes, paused }) => {
            const remaining = bytesPerSecond(info) * Math.max(0, info.maxSeconds - (session?.elapsedMs() ?? 0) / 1000);
            const diskLow = freeBytes !== null && freeBytes < remaining;
            if (diskLow && !warnedLow) {
              warnedLow = true;
              session?.mark('disk.low', { freeBytes });
            }
            setStatus((s) => ({ ...s, diskLow, paused }));
          },
        });
        const { preview } = session;
        setStatus((s) => ({ ...s, preview }));
        await runner.run();
        await session.stop('finished');
      } catch (error) {
        stoppedBecause = stoppedBecause ?? (error as Error).message;
        await session?.stop('error').catch(() => undefined);
      }
      done();
    })();
  }, [info, interviewId, stream, onDone]);

  return { status, skip: () => controls.current?.skip(), retake: () => controls.current?.retake() };
}
