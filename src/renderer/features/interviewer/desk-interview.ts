import type { CallBackend } from '../../../shared/domain/cloud';
import type { LiveCall } from '../../../shared/interview/live-call';
import { liveCallOf, type InterviewScript } from '../../../shared/interview/script';

/** Where the call's cloud recording is made: the backend and its channel (Agora) or room (LiveKit). */
export interface RecordedCall {
  backend: CallBackend;
  channel: string;
}

/** What the interviewer's desk knows of the interview it joins: from a script, or only a channel typed in. */
export interface DeskInterview {
  live: LiveCall;
  /** The cloud recording's target; absent when nothing can record this call (a development call with no channel named). */
  recorded?: RecordedCall;
  title?: string;
  candidateName?: string;
  position?: string;
  scheduleId?: string;
  scriptId?: string;
  /** The question guide: the script's questions, in order. */
  questions: string[];
}

/** Who joins: the link's name, else the configured one (else a word the screen supplies), and the configured role. */
export interface DeskInterviewer {
  name?: string;
  role?: string;
}

/**
 * The call an Agora or LiveKit call records is itself; a development call is recorded as the channel the script's
 * cloud recording names (Agora's first, as the candidate's path registers it first).
 */
function recordedOf(live: LiveCall, script: Pick<InterviewScript, 'agoraChannel' | 'livekitRoom'>): RecordedCall | undefined {
  if (live.provider !== 'dev') return { backend: live.provider, channel: live.channel };
  if (script.agoraChannel) return { backend: 'agora', channel: script.agoraChannel };
  return script.livekitRoom ? { backend: 'livekit', channel: script.livekitRoom } : undefined;
}

/** A script's interview for the desk; undefined when the script names no live call (there is nothing to join). */
export function deskFromScript(script: InterviewScript): DeskInterview | undefined {
  const live = liveCallOf(script);
  if (!live) return undefined;
  const recorded = recordedOf(live, script);
  return {
    live,
    ...(recorded && { recorded }),
    title: script.title,
    candidateName: script.candidateName,
    position: script.position,
    scheduleId: script.scheduleId,
    scriptId: script.id,
    questions: script.questions.map((q) => q.text),
  };
}

/** A channel or room typed in: nothing but the call is known. */
export const deskFromChannel = (live: LiveCall): DeskInterview => ({ live, ...recordedFromChannel(live), questions: [] });

const recordedFromChannel = (live: LiveCall) => (live.provider === 'dev' ? {} : { recorded: recordedOf(live, {}) });

/**
 * The catalog's interview row for the desk: by schedule when there is one, else by the call that is recorded (so a
 * development call recorded as an Agora channel is the same interview as that channel's).
 */
export function interviewerRequestOf(desk: DeskInterview) {
  const call = desk.recorded ? { provider: desk.recorded.backend, channel: desk.recorded.channel } : desk.live;
  return {
    ...(desk.scheduleId ? { scheduleId: desk.scheduleId } : { provider: call.provider, channel: call.channel }),
    ...(desk.scriptId && { scriptId: desk.scriptId }),
    ...(desk.title && { title: desk.title }),
    ...(desk.candidateName && { candidateName: desk.candidateName }),
  };
}
