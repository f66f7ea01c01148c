import { z } from 'zod';

/** One question: shown, spoken (its own audio file/URL, else synthesized), then answered on camera. */
export const questionSchema = z.strictObject({
  text: z.string().trim().min(1, 'a question needs its text').max(2000),
  audio: z.string().min(1).optional().describe('pre-rendered question audio: a path relative to the script file, or an http(s) URL'),
  thinkSeconds: z.number().int().min(0).max(600).default(5),
  answerSeconds: z.number().int().min(5).max(3600).default(120),
  retakes: z.number().int().min(0).max(5).default(0),
});

/** An interview as the recruiter's system hands it to the app (file, command line, later a deep link). */
export const interviewScriptSchema = z.strictObject({
  id: z.string().regex(/^[A-Za-z0-9._-]{1,128}$/, 'expected 1–128 letters, digits, dots, dashes or underscores'),
  scheduleId: z.string().min(1).max(128).optional(),
  title: z.string().trim().min(1).max(200),
  candidateName: z.string().trim().min(1).max(200),
  organization: z.string().trim().min(1).max(200).default('the hiring team'),
  locale: z
    .string()
    .regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'expected a language tag such as en-US')
    .default('en-US'),
  retentionDays: z.number().int().min(1).max(3650).default(90),
  agoraChannel: z.string().min(1).max(64).optional(),
  livekitRoom: z.string().min(1).max(128).optional(),
  questions: z.array(questionSchema).min(1, 'an interview needs at least one question').max(50),
});

export type InterviewScript = z.output<typeof interviewScriptSchema>;
export type Question = InterviewScript['questions'][number];

/** The longest the interview can run: every think time and answer limit, once per allowed take. */
export function maxInterviewSeconds(script: InterviewScript): number {
  return script.questions.reduce((sum, q) => sum + (q.thinkSeconds + q.answerSeconds) * (1 + q.retakes), 0);
}
