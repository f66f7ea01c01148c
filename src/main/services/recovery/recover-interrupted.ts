import { getRun } from '../catalog/queries/runs';
import { unfinishedRecordings } from '../catalog/queries/recordings';
import type { FinalizeOptions } from '../finalize/finalize-recording';
import type { RecordingDetail } from '../../../shared/domain/recording';
import type { Run } from './run-registry';
import type { Database } from 'better-sqlite3';

export interface RecoveryReport {
  recordingId: string;
  interviewTitle: string;
  startedAt: string;
  /** Left recording or finalizing by a process that is gone; false for a recording merely not finalized yet. */
  interrupted: boolean;
  /** The app stopped unexpectedly (crash, kill, power cut), as opposed to quitting while recording. */
  crashed: boolean;
  outcome: 'finalized' | 'failed';
  message: string;
  recording?: RecordingDetail;
}

export interface RecoveryDeps {
  db: Database;
  run: Run;
  finalize: (recordingId: string, options?: FinalizeOptions) => Promise<RecordingDetail>;
}

/**
 * At start-up (app) or on demand (`irec recover`): every recording a vanished process left recording or
 * finalizing is cut back to its last whole chunk, finalized and verified; stopped recordings not finalized yet
 * (cancelled, disk was full) are finalized too. Recordings of live processes (the app recording right now
 * while the CLI runs) are left alone.
 */
export async function recoverInterrupted(deps: RecoveryDeps, options: FinalizeOptions = {}): Promise<RecoveryReport[]> {
  const crashedNow = new Set(deps.run.collectCrashedRuns().map((run) => run.id));
  const reports: RecoveryReport[] = [];
  for (const recording of unfinishedRecordings(deps.db)) {
    if (deps.run.isRunAlive(recording.runId)) continue;
    const run = recording.runId ? getRun(deps.db, recording.runId) : undefined;
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
