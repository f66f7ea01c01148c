import { useEffect } from 'react';
import { useBackupRecording, type BackupRecording } from './backup/use-backup-recording';

export interface DeskBackupSources {
  /** The interviewer's interview in the catalog: the backup is one of its recordings. */
  interviewId: string;
  /** Joined and not left: the backup runs from the join to the leave. */
  inCall: boolean;
  /** The candidate's video and audio as received from the call; null until they are seen. */
  candidate: MediaStream | null;
  /** The interviewer's own camera and microphone; null while they are not open. */
  own: MediaStream | null;
}

/**
 * The in-call screen's local backup recording. It starts by itself once the interviewer is in the call with a
 * camera — it is the employer's copy when the cloud recording fails, so it must not depend on someone remembering
 * to press a button — and stops when they leave. The interviewer may stop it and start a new one.
 */
export function useDeskBackup({ interviewId, inCall, candidate, own }: DeskBackupSources): BackupRecording {
  const backup = useBackupRecording({ interviewId, candidate: candidate ?? undefined, own });
  const { state, start, stop } = backup;
  const ready = inCall && own !== null && own.getVideoTracks().length > 0;

  useEffect(() => {
    if (ready && state === 'idle') void start();
  }, [ready, state, start]);

  useEffect(() => {
    if (!inCall && state === 'recording') void stop();
  }, [inCall, state, stop]);

  return backup;
}
