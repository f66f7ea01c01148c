import { z } from 'zod';
import { callChannelSchema } from '../domain/call-join';
import { checkAudioReference } from './audio-reference';
import { liveCallSchema, resolveLiveChannel, type LiveCall } from './live-call';

/** One question: shown, spoken (its own audio file/URL, else synthesized), then answered on camera. */
export const questionSchema = z.strictObject({
  text: z.string().trim().min(1, 'a question needs its text').max(2000),
  audio: z
    .string()
    .min(1)
    .max(2048)
    .optional()
    .describe("pre-rendered question audio: a file inside the script's folder, or an https: URL (http: only to this computer)"),
  thinkSeconds: z.number().int().min(0).max(600).default(5),
  answerSeconds: z.number().int().min(5).max(3600).default(120),
  retakes: z.number().int().min(0).max(5).default(0),
});

/** Scripts are untrusted: an `audio` that could read any file or reach any host is refused, naming the question. */
function refuseUnsafeAudio(questions: readonly { audio?: string | undefined }[], ctx: z.RefinementCtx): void {
  questions.forEach((question, index) => {
    if (question.audio === undefined) return;
    const checked = checkAudioReference(question.audio);
    if (checked.ok) return;
    const shown = JSON.stringify(question.audio.slice(0, 120));
    ctx.addIssue({ code: 'custom', path: [index, 'audio'], message: `question ${index + 1}'s audio ${shown} ${checked.problem}` });
  });
}

/** The organization a script names when it names none; the consent says "the hiring team" in the script's language. */
export const UNNAMED_ORGANIZATION = 'the hiring team';

type LiveFields = Parameters<typeof resolveLiveChannel>[0];

/** A live call's channel must be one (see live-call.ts) and one Agora accepts: 1–64 of its channel characters. */
function checkLiveChannel(script: LiveFields, ctx: z.RefinementCtx): void {
  if (!script.live) return;
  const resolved = resolveLiveChannel(script);
  if ('problem' in resolved)
    return void ctx.addIssue({ code: 'custom', path: resolved.path, message: `the live call ${resolved.problem}` });
  const valid = callChannelSchema.safeParse(resolved.channel);
  if (!valid.success) ctx.addIssue({ code: 'custom', path: ['live', 'channel'], message: valid.error.issues[0]!.message });
}

/** `room` becomes `channel`, and the provider's cloud-recording field names the same channel. */
function normaliseLive<S extends LiveFields>(script: S): S {
  if (!script.live) return script;
  const resolved = resolveLiveChannel(script);
  if ('problem' in resolved) return script;
  const { provider } = script.live;
  const recorded =
    provider === 'agora' ? { agoraChannel: resolved.channel } : provider === 'livekit' ? { livekitRoom: resolved.channel } : {};
  return { ...script, ...recorded, live: { provider, channel: resolved.channel } };
}

/** An interview as the recruiter's system hands it to the app (file, command line, later a deep link). */
export const interviewScriptSchema = z
  .strictObject({
    id: z.string().regex(/^[A-Za-z0-9._-]{1,128}$/, 'expected 1–128 letters, digits, dots, dashes or underscores'),
    scheduleId: z.string().min(1).max(128).optional(),
    title: z.string().trim().min(1).max(200),
    candidateName: z.string().trim().min(1).max(200),
    /** The position the candidate is interviewed for, shown to the interviewer. */
    position: z.string().trim().min(1).max(200).optional(),
    organization: z.string().trim().min(1).max(200).default(UNNAMED_ORGANIZATION),
    locale: z
      .string()
      .regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'expected a language tag such as en-US')
      .default('en-US'),
    retentionDays: z.number().int().min(1).max(3650).default(90),
    agoraChannel: z.string().min(1).max(64).optional(),
    livekitRoom: z.string().min(1).max(128).optional(),
    /** A live interview: the candidate joins this call (after consent and the device check) while recording. */
    live: liveCallSchema.optional(),
    /** Whom the candidate contacts when something needs attention (shown on the finish screen). */
    contact: z
      .strictObject({
        name: z.string().trim().min(1).max(200),
        email: z.email().max(200).optional(),
        phone: z.string().trim().min(3).max(40).optional(),
      })
      .optional(),
    /** An accommodation: every think time and answer limit is multiplied by this (the invite may grant it too). */
    extraTime: z.union([z.literal(1), z.literal(1.5), z.literal(2)]).default(1),
    questions: z.array(questionSchema).min(1, 'an interview needs at least one question').max(50).superRefine(refuseUnsafeAudio),
  })
  .superRefine(checkLiveChannel)
  .overwrite(normaliseLive);

export type InterviewScript = z.output<typeof interviewScriptSchema>;
export type Question = InterviewScript['questions'][number];

/** The script's live call with its one channel, or undefined for an interview without a call. */
export function liveCallOf(script: Pick<InterviewScript, 'live' | 'agoraChannel' | 'livekitRoom'>): LiveCall | undefined {
  if (!script.live) return undefined;
  const resolved = resolveLiveChannel(script);
  return 'channel' in resolved ? { provider: script.live.provider, channel: resolved.channel } : undefined;
}

/** A question's think and answer times with the script's extra-time accommodation applied, in whole seconds. */
export function timedQuestion(
  script: Pick<InterviewScript, 'extraTime'>,
  question: Question,
): { thinkSeconds: number; answerSeconds: number } {
  return {
    thinkSeconds: Math.round(question.thinkSeconds * script.extraTime),
    answerSeconds: Math.round(question.answerSeconds * script.extraTime),
  };
}

/** The longest the interview can run: every think time and answer limit (with extra time), once per allowed take. */
export function maxInterviewSeconds(script: InterviewScript): number {
  return script.questions.reduce((sum, q) => {
    const timed = timedQuestion(script, q);
    return sum + (timed.thinkSeconds + timed.answerSeconds) * (1 + q.retakes);
  }, 0);
}
