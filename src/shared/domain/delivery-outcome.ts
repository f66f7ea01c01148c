import type { CloudSession, MediaSession } from './cloud';
import type { RecordingSummary } from './recording';
import type { UploadProgress } from './upload';

/** The one thing a candidate can do about a recording that needs attention. */
export type DeliveryAction = 'finish-file' | 'send-again' | 'retry-backend';

export type AttentionReason =
  'nothing-recorded' | 'not-finished' | 'upload-failed' | 'upload-cancelled' | 'no-connection' | 'backend-failed' | 'backend-unreachable';

/**
 * Where a candidate's recording stands, in the words they are shown: the employer's copy is verified
 * (`submitted`), on its way (`sending`), stuck (`needs-attention`, with at most one action), kept here because
 * nothing is set up to receive it (`saved-locally`), interrupted (`paused`) or still being recorded.
 */
export type DeliveryOutcome =
  | { kind: 'submitted'; at: string | null }
  | {
      kind: 'sending';
      /** finishing: the video file is being made; uploading: bytes are going to the bucket or the Media API. */
      stage: 'finishing' | 'uploading';
      bytesSent: number;
      bytesTotal: number;
      etaSeconds: number | null;
      /** The storage answered with an error worth retrying and the app is retrying by itself. */
      retrying: boolean;
    }
  | { kind: 'needs-attention'; reason: AttentionReason; action: DeliveryAction | null }
  | { kind: 'saved-locally' }
  | { kind: 'paused' }
  | { kind: 'recording' };

export interface DeliveryInput {
  recording: Pick<RecordingSummary, 'state' | 'error' | 'chunkCount'>;
  /** The S3 upload's progress; null while it is still being asked for. */
  upload: UploadProgress | null;
  /** The interview's backend sessions; only the Media API upload carries the recording itself. */
  sessions: readonly CloudSession[];
}

const FINISHING: DeliveryOutcome = { kind: 'sending', stage: 'finishing', bytesSent: 0, bytesTotal: 0, etaSeconds: null, retrying: false };

const attention = (reason: AttentionReason, action: DeliveryAction | null): DeliveryOutcome => ({
  kind: 'needs-attention',
  reason,
  action,
});

/** Before a finished video file exists: recording, paused, nothing to send, or the file being made or stuck. */
function beforeFile(recording: DeliveryInput['recording']): DeliveryOutcome | null {
  switch (recording.state) {
    case 'recording':
      return { kind: 'recording' };
    case 'paused':
      return { kind: 'paused' };
    case 'finalized':
    case 'uploaded':
      return null;
    default:
      if (recording.chunkCount === 0) return attention('nothing-recorded', null);
      if (recording.state === 'failed' || (recording.state === 'stopped' && recording.error))
        return attention('not-finished', 'finish-file');
      return FINISHING;
  }
}

/** The first receiver in trouble, as the reason and the action that sends it again. */
function trouble(s3: UploadProgress | null, media: readonly MediaSession[]): DeliveryOutcome | null {
  if (s3?.state === 'failed') return attention('upload-failed', 'send-again');
  if (s3?.state === 'cancelled') return attention('upload-cancelled', 'send-again');
  if (s3?.state === 'offline') return attention('no-connection', 'send-again');
  if (media.some((s) => s.state === 'failed' || s.state === 'missed')) return attention('backend-failed', 'retry-backend');
  if (media.some((s) => s.state !== 'done' && s.pending?.lastError)) return attention('backend-unreachable', 'retry-backend');
  return null;
}

const latest = (times: ReadonlyArray<string | null | undefined>): string | null =>
  times
    .filter((t): t is string => Boolean(t))
    .sort()
    .at(-1) ?? null;

/**
 * One plain outcome for a recording from its catalog state, its S3 upload and its backend deliveries. Submitted
 * only when every receiver confirmed the employer's copy (S3 verified it, the Media API finished); null while the
 * upload's state is still unknown.
 */
export function deliveryOutcome({ recording, upload, sessions }: DeliveryInput): DeliveryOutcome | null {
  const early = beforeFile(recording);
  if (early) return early;
  const media = sessions.filter((s): s is MediaSession => s.backend === 'media');
  const s3Verified = recording.state === 'uploaded' || upload?.state === 'uploaded';
  if (!s3Verified && upload === null) return null;
  const s3 = upload?.state === 'not-configured' ? null : upload;
  if (!s3Verified && !s3 && media.length === 0) return { kind: 'saved-locally' };
  const s3Pending = s3Verified ? null : s3;
  const problem = trouble(s3Pending, media);
  if (problem) return problem;
  const mediaPending = media.filter((s) => s.state !== 'done');
  if (!s3Pending && mediaPending.length === 0) {
    return { kind: 'submitted', at: latest([upload?.verifiedAt, ...media.map((s) => s.stoppedAt ?? s.updatedAt)]) };
  }
  return {
    kind: 'sending',
    stage: 'uploading',
    bytesSent: (s3Pending?.bytesSent ?? 0) + mediaPending.reduce((sum, s) => sum + (s.bytesSent ?? 0), 0),
    bytesTotal: (s3Pending?.bytesTotal ?? 0) + mediaPending.reduce((sum, s) => sum + (s.bytesTotal ?? 0), 0),
    etaSeconds: s3Pending?.etaSeconds ?? null,
    retrying: s3Pending?.state === 'retrying',
  };
}
