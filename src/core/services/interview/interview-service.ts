import type { Database } from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { consentStatement } from '../../../shared/interview/consent';
import { AppError } from '../../errors/app-error';
import { insertEvent, type NewEvent } from '../catalog/queries/events';
import { insertConsent, insertInterview, interviewExists } from '../catalog/queries/interviews';
import type { Logger } from '../logging/logger';
import type { ActiveScript } from './load-script';
import { findResumableInterview, type ResumableInterview } from './resumable-interview';

export interface InterviewServiceDeps {
  db: Database;
  /** The active script, read at each call: a link may open another interview between two. */
  script: () => ActiveScript;
  logger: Logger;
  now?: () => Date;
}

/** The active interview script, or why there is none (a file that cannot be read or is not valid). */
export function usableScript(script: ActiveScript): Extract<ActiveScript, { ok: true }> {
  if (!script.ok) throw new AppError('UNAVAILABLE', script.error);
  return script;
}

/** Interviews in the catalog: the candidate's consent that opens one, and what happens during it. */
export function createInterviewService(deps: InterviewServiceDeps) {
  const now = deps.now ?? (() => new Date());
  return {
    /**
     * Records the candidate's consent to the active script as a new interview, in one transaction. The statement
     * stored is the one derived from the script, not text the renderer sends.
     */
    giveConsent(scriptId: string): { interviewId: string; consentedAt: string } {
      const { script } = usableScript(deps.script());
      if (script.id !== scriptId) throw new AppError('CONFLICT', `Consent was given for ${scriptId}, but the interview is ${script.id}.`);
      const consentedAt = now().toISOString();
      const interviewId = `int-${consentedAt.slice(0, 10)}-${randomUUID().slice(0, 8)}`;
      deps.db.transaction(() => {
        insertInterview(deps.db, {
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
        insertConsent(deps.db, { interviewId, scriptId: script.id, consentedAt, statement: consentStatement(script) });
      })();
      deps.logger.info('Consent given', { interviewId, scriptId: script.id });
      return { interviewId, consentedAt };
    },

    /** The interview interrupted most recently and still paused, with where it continues; null when none waits. */
    resumable: (): ResumableInterview | null => findResumableInterview(deps.db, deps.script()),

    /** A moment of the interview (question shown, retake, device change) for the chapters and the audit trail. */
    recordEvent(event: NewEvent & { interviewId: string }): void {
      if (!interviewExists(deps.db, event.interviewId)) throw new AppError('CONFLICT', `Unknown interview ${event.interviewId}.`);
      insertEvent(deps.db, event);
    },
  };
}

export type InterviewService = ReturnType<typeof createInterviewService>;
