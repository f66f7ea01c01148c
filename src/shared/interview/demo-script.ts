import type { z } from 'zod';
import type { interviewScriptSchema } from './script';

/** The bundled practice interview, used when no script is given. */
export const DEMO_SCRIPT: z.input<typeof interviewScriptSchema> = {
  id: 'demo-practice',
  title: 'Practice interview',
  candidateName: 'Practice candidate',
  organization: 'nobody — this practice recording stays on this computer',
  locale: 'en-US',
  retentionDays: 7,
  questions: [
    { text: 'Please introduce yourself in a few sentences.', thinkSeconds: 3, answerSeconds: 30, retakes: 1 },
    { text: 'Tell us about a project you are proud of.', thinkSeconds: 5, answerSeconds: 45 },
    { text: 'What would you like to learn in your next role?', thinkSeconds: 5, answerSeconds: 30 },
  ],
};
