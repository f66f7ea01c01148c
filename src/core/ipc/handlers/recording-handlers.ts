import path from 'node:path';
import { IpcError } from '../../../shared/ipc/errors';
import type { Core } from '../../create-core';
import { freeBytes } from '../../platform/disk';
import { insertEvent } from '../../services/catalog/queries/events';
import { interviewExists } from '../../services/catalog/queries/interviews';
import type { HandlerTable } from '../dispatcher';
import { queueFinalize } from './finalize-handlers';
import { requireDb, requireRecording } from './require';

type RecordingChannels = 'getDiskStatus' | 'startRecording' | 'appendChunk' | 'startSegment' | 'stopRecording' | 'recordEvent';

export function recordingHandlers(core: Core): Pick<HandlerTable, RecordingChannels> {
  const minFreeBytes = core.config.config.recording.minFreeMb * 1024 * 1024;
  const logger = core.logger.child('recording');
  return {
    getDiskStatus: () => ({ dataDir: core.dataDir, freeBytes: freeBytes(core.dataDir), minFreeBytes }),

    startRecording: async (input) => {
      const db = requireDb(core);
      if (!interviewExists(db, input.interviewId)) {
        throw new IpcError({ code: 'CONFLICT', message: `Interview ${input.interviewId} has no consent on record.` });
      }
      const started = await requireRecording(core).start(input);
      logger.info('Recording started', { ...started, mimeType: input.mimeType, dir: path.join(core.dataDir, 'recordings') });
      return started;
    },

    appendChunk: (input) => requireRecording(core).appendChunk(input),

    startSegment: async (input) => {
      const result = await requireRecording(core).startSegment(input);
      logger.info('New segment', { ...input, ...result });
      return result;
    },

    stopRecording: async ({ recordingId, durationMs, reason }) => {
      const result = await requireRecording(core).stop({ recordingId, durationMs, stopReason: reason === 'finished' ? undefined : reason });
      logger.info('Recording stopped', { recordingId, durationMs, reason });
      core.events.emit('recordingsChanged', { recordingId });
      queueFinalize(core, recordingId);

      return result;
    },

    recordEvent: ({ interviewId, recordingId, kind, at, data }) => {
      const db = requireDb(core);
      if (!interviewExists(db, interviewId)) throw new IpcError({ code: 'CONFLICT', message: `Unknown interview ${interviewId}.` });
      insertEvent(db, { interviewId, recordingId: recordingId ?? null, at, kind, data });
      return null;
    },
  };
}
