import { useEffect, useRef, useState } from 'react';
import { api } from '../../api';
import { startRecorderSession, type RecorderSession } from '../recorder/recorder-session';
import { createInterviewRunner, type RunnerState } from './interview-runner';
import { createQuestionAudio } from './question-audio';
import { bytesPerSecond, type ScriptInfo } from './use-script';

export interface InterviewResult {
  recordingId: string | null;
  chunks: number;
  bytes: number;
  durationMs: number;
  stoppedBecause: string | null;
}

/** Where the recording begins: a resumed interview continues its paused recording at its question. */
export interface RecordingStart {
  questionIndex: number;
  recordingId: string;
}

export interface LiveStatus {
  runner: RunnerState | null;
  diskLow: boolean;
  paused: boolean;
  preview: MediaStream | null;
  /** The running recording (for a live interview's call: its id and its proctoring marks); null until it starts. */
  recording: Pick<RecorderSession, 'recordingId' | 'mark'> | null;
}

interface Controls {
  skip(): void;
  retake(): void;
  replay(index: number): Promise<void>;
}

/** Free disk against what the rest of the interview needs; `disk.low` is marked the first time it falls short. */
function diskWatch(info: ScriptInfo, session: () => RecorderSession | null) {
  let warned = false;
  return (freeBytes: number | null): boolean => {
    const elapsedSeconds = (session()?.elapsedMs() ?? 0) / 1000;
    const needed = bytesPerSecond(info) * Math.max(0, info.maxSeconds - elapsedSeconds);
    const low = freeBytes !== null && freeBytes < needed;
    if (low && !warned) {
      warned = true;
      session()?.mark('disk.low', { freeBytes });
    }
    return low;
  };
}

/**
 * Starts the recording (or continues a paused one) and runs the questions over it; reports live status and,
 * at the end, what was kept. The session starts once per mount, however often React re-renders.
 */
export function useRecordedInterview(
  info: ScriptInfo,
  interviewId: string,
  stream: MediaStream,
  onDone: (result: InterviewResult) => void,
  start?: RecordingStart,
  /** Runs before the recording stops, whatever stops it (a live call records its last drop while it can). */
  beforeStop?: () => Promise<void>,
) {
  const [status, setStatus] = useState<LiveStatus>({ runner: null, diskLow: false, paused: false, preview: null, recording: null });
  const controls = useRef<Controls | null>(null);
  const beforeStopRef = useRef(beforeStop);
  useEffect(() => {
    beforeStopRef.current = beforeStop;
  }, [beforeStop]);
  const leaveCall = () => beforeStopRef.current?.().catch(() => undefined);
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
    // To the speakers and into the recording, the first time and again on "Hear the question again".
    const audio = createQuestionAudio(info.script.questions.length, async (sound) => session?.playQuestion(sound));
    const diskLow = diskWatch(info, () => session);

    void (async () => {
      const runner = createInterviewRunner({
        questions: info.script.questions,
        extraTime: info.script.extraTime,
        startAt: start?.questionIndex,
        ask: async (index) => {
          const unavailable = await audio.say(index);
          if (unavailable) session?.mark('speech.unavailable', { index, reason: unavailable });
          return unavailable;
        },
        mark: (kind, data) => session?.mark(kind, data),
        newSegment: () => session?.newSegment() ?? Promise.resolve(),
        onState: (runnerState) => setStatus((s) => ({ ...s, runner: runnerState })),
      });
      controls.current = { skip: runner.skip, retake: runner.retake, replay: async (index) => void (await audio.say(index)) };
      try {
        session = await startRecorderSession({
          api,
          interviewId,
          camera: stream,
          microphone: stream,
          videoBitsPerSecond: info.videoBitsPerSecond,
          audioBitsPerSecond: info.audioBitsPerSecond,
          // A resumed interview goes on in its paused recording (a new segment) instead of starting one.
          resume: start ? { recordingId: start.recordingId } : undefined,
          onFatal: (reason) => {
            stoppedBecause = reason;
            runner.cancel();
          },
          onStatus: ({ freeBytes, paused }) => setStatus((s) => ({ ...s, diskLow: diskLow(freeBytes), paused })),
        });
        const { preview, recordingId, mark } = session;
        setStatus((s) => ({ ...s, preview, recording: { recordingId, mark } }));
        await runner.run();
        await leaveCall();
        await session.stop('finished');
      } catch (error) {
        stoppedBecause = stoppedBecause ?? (error as Error).message;
        await leaveCall();
        await session?.stop('error').catch(() => undefined);
      }
      done();
    })();
  }, [info, interviewId, stream, onDone, start]);

  return {
    status,
    skip: () => controls.current?.skip(),
    retake: () => controls.current?.retake(),
    replay: (index: number) => controls.current?.replay(index) ?? Promise.resolve(),
  };
}
