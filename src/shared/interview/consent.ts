import { maxInterviewSeconds, type InterviewScript } from './script';

/** The exact statement the candidate agrees to; stored verbatim with the consent. */
export function consentStatement(script: InterviewScript): string {
  const minutes = Math.ceil(maxInterviewSeconds(script) / 60);
  return [
    `This interview ("${script.title}", ${script.questions.length} questions, at most about ${minutes} minutes) records your camera, your microphone and the spoken questions.`,
    'The recording is saved on this computer first, so nothing is lost if the connection drops.',
    `It is then uploaded to ${script.organization} and kept for ${script.retentionDays} days.`,
    'While recording, the app notes when this window loses focus or is hidden, when fullscreen is left, when displays change and when the camera or microphone stops.',
  ].join(' ');
}
