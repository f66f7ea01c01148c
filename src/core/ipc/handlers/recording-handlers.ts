import path from 'node:path';
import type { Core } from '../../create-core';
import { freeBytes } from '../../platform/disk';
import type { HandlerTable } from '../dispatcher';

type RecordingChannels =
  | 'getDiskStatus'
  | 'startRecording'
  | 'appendChunk'
  | 'startSegment'
  | 'resumeRecording'
  | 'suspendRecording'
  | 'submitPausedRecording'
  | 'stopRecording'
  | 'recordEvent';

/** What follows a start or a stop (cloud recordings, finalize, upload) is the pipeline's business, not the transport's. */
export function recordingHandlers(core: Core): Pick<HandlerTable, RecordingChannels> {
  const minFreeBytes = core.config.config.recording.minFreeMb * 1024 * 1024;
  const logger = core.logger.child('recording');
  return {
    getDiskStatus: () => ({ dataDir: core.dataDir, freeBytes: freeBytes(core.dataDir), minFreeBytes }),

    startRecording: async (input) => {
      const started = await core.recording.start(input);
      logger.info('Recording started', {
        ...started,
        mimeType: input.mimeType,
        kind: input.kind ?? 'interview',
        dir: path.join(core.dataDir, 'recordings'),
      });
      return started;
    },

    appendChunk: (input) => core.recording.appendChunk(input),

    startSegment: async (input) => {
      const result = await core.recording.startSegment(input);
      logger.info('New segment', { ...input, ...result });
      return result;
    },

    resumeRecording: async (input) => {
      const resumed = await core.recording.resume(input);
      logger.info('Recording resumed', { ...resumed, mimeType: input.mimeType });
      return resumed;
    },

    suspendRecording: async ({ recordingId }) => {
      const result = await core.recording.suspend({ recordingId });
      logger.info(result.state === 'paused' ? 'Recording paused: the page went away' : 'Backup stopped: the page went away', {
        recordingId,
      });
      return result;
    },

    submitPausedRecording: async ({ recordingId }) => {
      const result = await core.recording.submitPaused({ recordingId });
      logger.info('Paused recording submitted', { recordingId });
      return result;
    },

    stopRecording: async ({ recordingId, durationMs, reason }) => {
      const result = await core.recording.stop({ recordingId, durationMs, stopReason: reason === 'finished' ? undefined : reason });
      logger.info('Recording stopped', { recordingId, durationMs, reason });
      return result;
    },

    recordEvent: ({ interviewId, recordingId, kind, at, data }) => {
      core.interviews.recordEvent({ interviewId, recordingId: recordingId ?? null, at, kind, data });
      return null;
    },
  };
}
