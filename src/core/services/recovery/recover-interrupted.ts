import { getRun, type RunRow } from '../catalog/queries/runs';
import { unfinishedRecordings } from '../catalog/queries/recordings';
import type { FinalizeOptions } from '../finalize/finalize-recording';
import type { RecordingDetail } from '../../../shared/domain/recording';
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

export type RecoveryReport = SettledReport | SkippedReport;

export const isSettled = (report: RecoveryReport): report is SettledReport => report.outcome !== 'skipped';

export interface RecoveryDeps {
  db: Database;
  run: Run;
  finalize: (recordingId: string, options?: FinalizeOptions) => Promise<RecordingDetail>;
}

/**
 * At start-up (app) or on demand (`irec recover`): every recording a vanished process left recording or
 * finalizing is cut back to its last whole chunk, finalized and verified; stopped recordings not finalized yet
 * (cancelled, disk was full) are finalized too. Recordings of live processes (the app recording right now
 * while the CLI runs, or a crashing one not gone yet) are left alone and reported with the process that owns them.
 */
export async function recoverInterrupted(deps: RecoveryDeps, options: FinalizeOptions = {}): Promise<RecoveryReport[]> {
  const crashedNow = new Set(deps.run.collectCrashedRuns().map((run) => run.id));
  const reports: RecoveryReport[] = [];
  for (const recording of unfinishedRecordings(deps.db)) {
    const run = recording.runId ? getRun(deps.db, recording.runId) : undefined;
    if (run && deps.run.isRunAlive(run.id)) {
      reports.push(leftAlone(recording, run));
      continue;
    }
    const interrupted = recording.state !== 'stopped';
    const crashed = interrupted && (!run || crashedNow.has(run.id) || run.crashed === 1);
    const base = {
      recordingId: recording.id,
      interviewTitle: recording.interviewTitle,
      startedAt: recording.startedAt,
      interrupted,
      crashed,
    };
    try {
      const detail = await deps.finalize(recording.id, options);
      const verb = interrupted ? 'Recovered' : 'Finalized';
      reports.push({ ...base, outcome: 'finalized', message: `${verb} interview from ${recording.startedAt}`, recording: detail });
    } catch (error) {
      reports.push({ ...base, outcome: 'failed', message: (error as Error).message });
    }
  }
  return reports;
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
