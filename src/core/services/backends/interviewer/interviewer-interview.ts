import type { Database } from 'better-sqlite3';
import { createHash } from 'node:crypto';
import type { InterviewerInterviewRequest } from '../../../../shared/domain/interviewer-cloud';
import { AppError } from '../../../errors/app-error';
import {
  fillInterviewGaps,
  findInterviewerInterview,
  INTERVIEWER_ID_PREFIX,
  type InterviewGaps,
} from '../../catalog/queries/interviewer-interviews';
import { insertInterview, interviewExists } from '../../catalog/queries/interviews';
import { agoraIdProblems } from '../agora/agora-wire';
import { describeFieldErrors } from '../backend-error';

/**
 * What identifies the interviewer's interview: its schedule when there is one (the backend lists its recordings
 * by it), else its call (provider and channel). A script id is not enough: one script serves many candidates.
 */
export function interviewerKey(input: InterviewerInterviewRequest): string {
  if (input.scheduleId) return `schedule:${input.scheduleId}`;
  if (input.provider && input.channel) return `call:${input.provider}:${input.channel}`;
  throw new AppError('INVALID_PAYLOAD', 'Name the interview by its schedule id, or by its call: provider and channel.');
}

/** The row's id, the same on every opening of the same interview: a prefix and a digest of the key. */
export const interviewerInterviewId = (key: string): string =>
  `${INTERVIEWER_ID_PREFIX}${createHash('sha256').update(key).digest('hex').slice(0, 20)}`;

/** The links a request names, in the catalog's columns (the development call server's channel has none). */
function gapsOf(input: InterviewerInterviewRequest): InterviewGaps {
  return {
    scriptId: input.scriptId ?? null,
    candidateName: input.candidateName ?? null,
    scheduleId: input.scheduleId ?? null,
    agoraChannel: input.provider === 'agora' ? (input.channel ?? null) : null,
    livekitRoom: input.provider === 'livekit' ? (input.channel ?? null) : null,
  };
}

/**
 * The interviewer's interview in the catalog, made on first opening and found on every later one — by its
 * schedule, else by its call (also when another opening named only one of them) — so its notes, backup
 * recordings and cloud recordings stay together. What a later opening adds (the room, the candidate's name) is
 * filled in; the call's channel is stored as the interview's link, so the cloud recording defaults to it.
 */
export function openInterviewerInterview(
  db: Database,
  input: InterviewerInterviewRequest,
  now: () => Date,
): { interviewId: string; created: boolean } {
  const gaps = gapsOf(input);
  const problems = gaps.agoraChannel === null ? {} : agoraIdProblems(gaps.agoraChannel, '0');
  if (problems.channel_name) throw new AppError('INVALID_PAYLOAD', `Cannot open ${gaps.agoraChannel}: ${describeFieldErrors(problems)}`);
  const byKey = interviewerInterviewId(interviewerKey(input));
  const found = interviewExists(db, byKey) ? byKey : findInterviewerInterview(db, gaps);
  if (found) {
    fillInterviewGaps(db, found, gaps);
    return { interviewId: found, created: false };
  }
  insertInterview(db, {
    id: byKey,
    title: input.title ?? `Interview ${input.scheduleId ?? input.channel}`,
    createdAt: now().toISOString(),
    ...gaps,
  });
  return { interviewId: byKey, created: true };
}
