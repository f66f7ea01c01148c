import type { InterviewLinkOutcome } from '../../../shared/domain/interview-link';
import { parseInterviewLink, scheduleInterviewerLink } from '../../../shared/interview/interview-link';
import type { Logger } from '../logging/logger';
import type { RecordingEvents } from '../recording/recording-service';
import type { ServiceEvents } from '../service-events';
import type { LinkedScript } from './link-script';
import type { ActiveScript } from './load-script';

/** What became of a link: none waiting, waiting (for the recording to end), opened, or refused with the reason. */
export type LinkOutcome = { state: 'none' } | InterviewLinkOutcome;

export interface LinkOpenerDeps {
  inviteHosts: readonly string[];
  /** Fetches and validates the link's script (`resolveLinkScript` with the configuration). */
  resolve(raw: string): Promise<LinkedScript>;
  /** Makes a script the active interview. */
  activate(script: ActiveScript): void;
  /** Whether an interview is being recorded now: then a link waits. */
  isRecording(): boolean;
  /** Tells the renderer (the `interviewLink` event). */
  emit(outcome: InterviewLinkOutcome): void;
  logger: Logger;
}

/** Counts recordings between started/resumed and paused/stopped, from the recording service's events. */
export function recordingsInProgress(on: ServiceEvents<RecordingEvents>['on']): () => boolean {
  const running = new Set<string>();
  on('started', ({ recordingId }) => running.add(recordingId));
  on('resumed', ({ recordingId }) => running.add(recordingId));
  on('paused', ({ recordingId }) => running.delete(recordingId));
  on('stopped', ({ recordingId }) => running.delete(recordingId));
  return () => running.size > 0;
}

/**
 * Links from the OS (a second launch, macOS open-url, the first launch's arguments, the browser host's launch link)
 * are offered here and kept; the renderer opens the waiting one when the candidate is not in an interview. A link
 * never replaces the interview while it is being recorded: it waits, and the latest link wins.
 */
export function createLinkOpener(deps: LinkOpenerDeps) {
  let pending: string | undefined;
  const hostOf = (raw: string) => {
    const parsed = parseInterviewLink(raw, deps.inviteHosts);
    return parsed.ok ? parsed.link.host : null;
  };

  async function open(raw: string): Promise<InterviewLinkOutcome> {
    try {
      const { link, script } = await deps.resolve(raw);
      deps.activate({ ok: true, source: 'link', file: link.scriptUrl, script });
      deps.logger.info('Interview opened from a link', { scriptUrl: link.scriptUrl, scriptId: script.id });
      return {
        state: 'opened',
        host: link.host,
        scriptId: script.id,
        title: script.title,
        ...(link.interviewer && { interviewer: link.interviewer }),
      };
    } catch (error) {
      deps.logger.warn('Interview link refused', { error: (error as Error).message });
      return { state: 'failed', host: hostOf(raw), error: (error as Error).message };
    }
  }

  return {
    /** A link arrived: kept (replacing any earlier one) until the renderer opens it. */
    offer(raw: string): void {
      pending = raw;
      deps.emit({ state: 'waiting', host: hostOf(raw) });
    },
    /** Opens the waiting link, unless a recording runs (then it keeps waiting). */
    async openPending(): Promise<LinkOutcome> {
      if (pending === undefined) return { state: 'none' };
      if (deps.isRecording()) return { state: 'waiting', host: hostOf(pending) };
      const raw = pending;
      pending = undefined; // taken before the fetch, so two windows asking at once open it once
      const outcome = await open(raw);
      deps.emit(outcome);
      return outcome;
    },
    /**
     * A link the user pasted into the app (the interviewer's "Join as interviewer"): opened now, through the same
     * checks as a link from the OS, or kept waiting like one while a recording runs.
     */
    async openGiven(raw: string): Promise<InterviewLinkOutcome> {
      if (deps.isRecording()) {
        this.offer(raw);
        return { state: 'waiting', host: hostOf(raw) };
      }
      const outcome = await open(raw);
      // Other windows follow an opened interview; a refusal is told only to whoever pasted the link.
      if (outcome.state === 'opened') deps.emit(outcome);
      return outcome;
    },
    /** A schedule id the interviewer typed: its invite on the first configured host, opened as an interviewer's link. */
    async openSchedule(scheduleId: string): Promise<InterviewLinkOutcome> {
      const built = scheduleInterviewerLink(scheduleId, deps.inviteHosts);
      return 'problem' in built ? { state: 'failed', host: null, error: `${built.problem}.` } : this.openGiven(built.link);
    },
  };
}

export type LinkOpener = ReturnType<typeof createLinkOpener>;
