import { randomUUID } from 'node:crypto';
import { consentStatement } from '../../../shared/interview/consent';
import { maxInterviewSeconds } from '../../../shared/interview/script';
import { IpcError } from '../../../shared/ipc/errors';
import type { Core } from '../../create-core';
import { insertConsent, insertInterview } from '../../services/catalog/queries/interviews';
import { questionAudio } from '../../services/interview/question-audio';
import type { HandlerTable } from '../dispatcher';
import { requireDb } from './require';

function activeScript(core: Core) {
  if (!core.interview.ok) throw new IpcError({ code: 'UNAVAILABLE', message: core.interview.error });
  return core.interview;
}

export function interviewHandlers(core: Core): Pick<HandlerTable, 'getInterviewScript' | 'giveConsent' | 'getQuestionAudio'> {
  const { recording } = core.config.config;
  return {
    getInterviewScript: () => {
      if (!core.interview.ok) return { ok: false, error: core.interview.error };
      const { script, source } = core.interview;
      return {
        ok: true,
        source,
        script,
        consentStatement: consentStatement(script),
        maxSeconds: maxInterviewSeconds(script),
        fullscreen: recording.fullscreen,
        videoBitsPerSecond: recording.videoBitsPerSecond,
        audioBitsPerSecond: recording.audioBitsPerSecond,
      };
    },

    /** The statement stored is the one the main process derives from the script, not text the renderer sends. */
    giveConsent: ({ scriptId }) => {
      const { script } = activeScript(core);
      if (script.id !== scriptId)
        throw new IpcError({ code: 'CONFLICT', message: `Consent was given for ${scriptId}, but the interview is ${script.id}.` });
      const db = requireDb(core);
      const consentedAt = new Date().toISOString();
      const interviewId = `int-${consentedAt.slice(0, 10)}-${randomUUID().slice(0, 8)}`;
      db.transaction(() => {
        insertInterview(db, {
          id: interviewId,
          scriptId: script.id,
          title: script.title,
          candidateName: script.candidateName,
          locale: script.locale,
          createdAt: consentedAt,
          scheduleId: script.scheduleId ?? null,
          agoraChannel: script.agoraChannel ?? null,
          livekitRoom: script.livekitRoom ?? null,
        });
        insertConsent(db, { interviewId, scriptId: script.id, consentedAt, statement: consentStatement(script) });
      })();
      core.logger.info('Consent given', { interviewId, scriptId: script.id });
      return { interviewId, consentedAt };
    },

    getQuestionAudio: async ({ questionIndex }) => {
      const { script, baseDir } = activeScript(core);
      const question = script.questions[questionIndex];
      if (!question) throw new IpcError({ code: 'NOT_FOUND', message: `The interview has no question ${questionIndex + 1}.` });
      const audio = await questionAudio(question, script.locale, baseDir, { speech: core.speech });
      if (audio.source === 'none') core.logger.warn('Question audio unavailable', { questionIndex, reason: audio.reason });
      return audio;
    },
  };
}
