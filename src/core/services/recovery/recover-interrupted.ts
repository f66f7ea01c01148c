import { getRun, type RunRow } from '../catalog/queries/runs';
import { pausedRecordings, stopPaused } from '../catalog/queries/paused-recordings';
import { unfinishedRecordings, type UnfinishedRecording } from '../catalog/queries/recordings';
import type { FinalizeOptions } from '../finalize/finalize-recording';
import type { RecordingDetail } from '../../../shared/domain/recording';
import { pauseInterrupted } from './pause-interrupted';
import type { Run } from './run-registry';
import type { Database } from 'better-sqlite3';

interface ReportBase {
  recordingId: string;
  interviewTitle: string;
  startedAt: string;
  /** Left recording or finalizing by a process that is gone; false for a recording merely not finalized yet. */
  interrupted: boolean;
  /** The app stopped unexpectedly (crash, kill, power cut), as opposed to quitting while recording. */
  crashed: boolean;
  message: string;
}

/** A recording recovery finalized, or tried to. */
export interface SettledReport extends ReportBase {
  outcome: 'finalized' | 'failed';
  recording?: RecordingDetail;
}

/** The process (app, browser host, CLI) whose run still holds a recording. */
export interface RunOwner {
  pid: number;
  runtime: string;
  startedAt: string;
}

/** A recording left alone because a live process still records or finalizes it; says which process. */
export interface SkippedReport extends ReportBase {
  outcome: 'skipped';
  interrupted: false;
  crashed: false;
  owner: RunOwner;
  recording?: undefined;
}

/** An interview interrupted mid-recording, cut back to its last whole chunk and paused: it waits for the candidate. */
export interface PausedReport extends ReportBase {
  outcome: 'paused';
  interrupted: true;
  recording?: undefined;
}

export type RecoveryReport = SettledReport | SkippedReport | PausedReport;

export const isSettled = (report: RecoveryReport): report is SettledReport => report.outcome === 'finalized' || report.outcome === 'failed';

export interface RecoveryDeps {
  db: Database;
  run: Run;
  finalize: (recordingId: string, options?: FinalizeOptions) => Promise<RecordingDetail>;
  /** `irec recover --submit-paused`: paused interviews are submitted (stopped), then finalized with the rest. */
  submitPaused?: (recordingId: string) => Promise<unknown>;
}

/**
 * At start-up (app) or on demand (`irec recover`): every recording a vanished process left recording is cut back
 * to its last whole chunk and paused — the candidate continues or submits it, it is never sent on its own;
 * recordings left finalizing and stopped ones not finalized yet (cancelled, disk was full) are finalized and
 * verified. Interviews paused earlier are reported as waiting; with `submitPaused` every paused one is submitted
 * and finalized too. Recordings of live processes (the app recording right now while the CLI runs, or a crashing
 * one not gone yet) are left alone and reported with the process that owns them.
 */
export async function recoverInterrupted(deps: RecoveryDeps, options: FinalizeOptions = {}): Promise<RecoveryReport[]> {
  const crashedNow = new Set(deps.run.collectCrashedRuns().map((run) => run.id));
  const submitted = new Set<string>();
  for (const paused of deps.submitPaused ? pausedRecordings(deps.db) : []) {
    await deps.submitPaused!(paused.recordingId);
    submitted.add(paused.recordingId);
  }
  const reports: RecoveryReport[] = [];
  for (const recording of unfinishedRecordings(deps.db)) {
    const run = recording.runId ? getRun(deps.db, recording.runId) : undefined;
    if (run && deps.run.isRunAlive(run.id)) {
      reports.push(leftAlone(recording, run));
      continue;
    }
    const interrupted = recording.state !== 'stopped' || submitted.has(recording.id);
    const crashed = interrupted && (!run || crashedNow.has(run.id) || run.crashed === 1);
    const base = {
      recordingId: recording.id,
      interviewTitle: recording.interviewTitle,
      startedAt: recording.startedAt,
      interrupted,
      crashed,
    };
    reports.push(await settle(deps, recording, base, options));
  }
  const reported = new Set(reports.map((report) => report.recordingId));
  return [...reports, ...stillWaiting(deps.db).filter((report) => !reported.has(report.recordingId))];
}

type Base = Omit<ReportBase, 'message'>;

/**
 * An interrupted interview is paused (or, when asked to, submitted); an interrupted backup of the interviewer's is
 * stopped at its last whole chunk (nobody continues a backup); anything else left unfinished is finalized.
 */
async function settle(
  deps: RecoveryDeps,
  { state, kind }: Pick<UnfinishedRecording, 'state' | 'kind'>,
  base: Base,
  options: FinalizeOptions,
): Promise<RecoveryReport> {
  try {
    if (state === 'recording' && kind === 'backup') {
      await pauseInterrupted(deps.db, base.recordingId);
      stopPaused(deps.db, base.recordingId, { endedAt: new Date().toISOString(), stopReason: 'interrupted' });
    } else if (state === 'recording') {
      await pauseInterrupted(deps.db, base.recordingId);
      if (!deps.submitPaused)
        return { ...base, interrupted: true, outcome: 'paused', message: 'paused: waiting for the candidate to continue or submit it' };
      await deps.submitPaused(base.recordingId);
    }
    const detail = await deps.finalize(base.recordingId, options);
    const verb = base.interrupted ? 'Recovered' : 'Finalized';
    return { ...base, outcome: 'finalized', message: `${verb} interview from ${base.startedAt}`, recording: detail };
  } catch (error) {
    return { ...base, outcome: 'failed', message: (error as Error).message };
  }
}

/** Interviews paused before this pass: still waiting for their candidate. */
function stillWaiting(db: Database): PausedReport[] {
  return pausedRecordings(db).map((paused) => ({
    recordingId: paused.recordingId,
    interviewTitle: paused.title,
    startedAt: paused.startedAt,
    interrupted: true,
    crashed: false,
    outcome: 'paused',
    message: `paused${paused.pausedAt ? ` since ${paused.pausedAt}` : ''}: waiting for the candidate to continue or submit it`,
  }));
}

function leftAlone(recording: { id: string; interviewTitle: string; startedAt: string }, run: RunRow): SkippedReport {
  const owner = { pid: run.pid, runtime: run.runtime, startedAt: run.startedAt };
  return {
    recordingId: recording.id,
    interviewTitle: recording.interviewTitle,
    startedAt: recording.startedAt,
    interrupted: false,
    crashed: false,
    outcome: 'skipped',
    owner,
    message: `left alone: process ${owner.pid} (${owner.runtime}, started at ${owner.startedAt}) still holds it — it is recording or finalizing it`,
  };
}
