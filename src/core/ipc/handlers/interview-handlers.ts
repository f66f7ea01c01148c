import { consentStatement } from '../../../shared/interview/consent';
import { maxInterviewSeconds } from '../../../shared/interview/script';
import type { Core } from '../../create-core';
import { AppError } from '../../errors/app-error';
import { questionAudio } from '../../services/interview/question-audio';
import { usableScript } from '../../services/interview/interview-service';
import type { HandlerTable } from '../dispatcher';

type InterviewChannels =
  'getInterviewScript' | 'giveConsent' | 'getResumableInterview' | 'getQuestionAudio' | 'openInterviewLink' | 'openPastedInterviewLink';

export function interviewHandlers(core: Core): Pick<HandlerTable, InterviewChannels> {
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

    giveConsent: ({ scriptId }) => core.interviews.giveConsent(scriptId),

    openInterviewLink: () => core.links.openPending(),
    openPastedInterviewLink: (request) =>
      'link' in request ? core.links.openGiven(request.link) : core.links.openSchedule(request.scheduleId),

    // A recording whose page vanished without a word (a crashed tab) is paused first, so it is offered too.
    getResumableInterview: async () => {
      await core.recording.suspendStalled();
      return core.interviews.resumable();
    },

    getQuestionAudio: async ({ questionIndex }) => {
      const { script, baseDir } = usableScript(core.interview);
      const question = script.questions[questionIndex];
      if (!question) throw new AppError('NOT_FOUND', `The interview has no question ${questionIndex + 1}.`);
      const audio = await questionAudio(question, script.locale, baseDir, {
        speech: core.speech,
        allowedNetworks: core.config.config.interview.allowedPrivateNetworks,
      });
      if (audio.source === 'none') core.logger.warn('Question audio unavailable', { questionIndex, reason: audio.reason });
      return audio;
    },
  };
}
