import { translator } from '../i18n/messages';
import { consentMessages } from './consent-messages';
import { maxInterviewSeconds, UNNAMED_ORGANIZATION, type InterviewScript } from './script';

/** The exact statement the candidate agrees to, in the script's language; stored verbatim with the consent. */
export function consentStatement(script: InterviewScript): string {
  const t = translator(consentMessages, script.locale);
  const days = script.retentionDays;
  return [
    t('recorded', { title: script.title, questions: script.questions.length, minutes: Math.ceil(maxInterviewSeconds(script) / 60) }),
    t('keptLocally'),
    script.organization === UNNAMED_ORGANIZATION
      ? t('uploadedToTeam', { days })
      : t('uploaded', { organization: script.organization, days }),
    t('noted'),
  ].join(' ');
}
