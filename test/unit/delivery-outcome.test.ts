import { describe, expect, it } from 'vitest';
import type { CloudSession, MediaSession } from '../../src/shared/domain/cloud';
import { deliveryOutcome, type DeliveryInput } from '../../src/shared/domain/delivery-outcome';
import type { RecordingState } from '../../src/shared/domain/recording';
import type { UploadProgress, UploadState } from '../../src/shared/domain/upload';

const recording = (state: RecordingState, extra: Partial<DeliveryInput['recording']> = {}): DeliveryInput['recording'] => ({
  state,
  error: null,
  chunkCount: 12,
  ...extra,
});

const upload = (state: UploadState, extra: Partial<UploadProgress> = {}): UploadProgress => ({
  recordingId: 'r1',
  state,
  bytesSent: 12_000_000,
  bytesTotal: 40_000_000,
  bytesPerSecond: 500_000,
  etaSeconds: 56,
  ...extra,
});

const media = (state: MediaSession['state'], extra: Partial<MediaSession> = {}): CloudSession => ({
  id: 's1',
  backend: 'media',
  interviewId: 'i1',
  recordingId: 'r1',
  state,
  target: 'site',
  statusCode: null,
  statusText: null,
  files: [],
  recordingUrl: null,
  error: null,
  startedAt: null,
  stoppedAt: null,
  checkedAt: null,
  updatedAt: '2026-12-01T10:00:00.000Z',
  pending: null,
  apiSessionId: 'api-1',
  bytesSent: 1_000_000,
  bytesTotal: 4_000_000,
  chunkBytes: null,
  ...extra,
});

const agora: CloudSession = {
  ...(media('failed') as MediaSession),
  backend: 'agora',
  uid: '1',
  scheduleId: null,
  recording: null,
} as CloudSession;

const outcome = (input: Partial<DeliveryInput> & Pick<DeliveryInput, 'recording'>) =>
  deliveryOutcome({ upload: null, sessions: [], ...input });

describe('the one outcome a candidate is shown', () => {
  it('is "being recorded" or "paused" before the recording ends, whatever the upload says', () => {
    expect(outcome({ recording: recording('recording'), upload: upload('streaming') })).toEqual({ kind: 'recording' });
    expect(outcome({ recording: recording('paused'), upload: upload('uploaded') })).toEqual({ kind: 'paused' });
  });

  it('needs attention with nothing to do when nothing was recorded', () => {
    expect(outcome({ recording: recording('stopped', { chunkCount: 0 }) })).toEqual({
      kind: 'needs-attention',
      reason: 'nothing-recorded',
      action: null,
    });
  });

  it('is sending while the video file is made, and needs "try again" when making it failed', () => {
    for (const state of ['stopped', 'finalizing'] as const) {
      expect(outcome({ recording: recording(state), upload: upload('streaming') })).toMatchObject({ kind: 'sending', stage: 'finishing' });
    }
    const stuck = { kind: 'needs-attention', reason: 'not-finished', action: 'finish-file' };
    expect(outcome({ recording: recording('failed', { error: 'ffmpeg exited with 1' }) })).toEqual(stuck);
    expect(outcome({ recording: recording('stopped', { error: 'Finalize was cancelled' }) })).toEqual(stuck);
  });

  it('is unknown until the upload state is known, unless the catalog already says uploaded', () => {
    expect(outcome({ recording: recording('finalized') })).toBeNull();
    expect(outcome({ recording: recording('uploaded') })).toEqual({ kind: 'submitted', at: null });
  });

  it('is saved on this computer when no bucket and no backend receive it', () => {
    expect(outcome({ recording: recording('finalized'), upload: upload('not-configured') })).toEqual({ kind: 'saved-locally' });
    // A call recording (Agora, LiveKit) is not a copy of the candidate's recording.
    expect(outcome({ recording: recording('finalized'), upload: upload('not-configured'), sessions: [agora] })).toEqual({
      kind: 'saved-locally',
    });
  });

  it('is sending with what is left and the time estimate while the upload runs', () => {
    for (const state of ['waiting', 'streaming', 'uploading'] as const) {
      expect(outcome({ recording: recording('finalized'), upload: upload(state) })).toEqual({
        kind: 'sending',
        stage: 'uploading',
        bytesSent: 12_000_000,
        bytesTotal: 40_000_000,
        etaSeconds: 56,
        retrying: false,
      });
    }
    expect(outcome({ recording: recording('finalized'), upload: upload('retrying', { etaSeconds: null }) })).toMatchObject({
      kind: 'sending',
      retrying: true,
      etaSeconds: null,
    });
  });

  it('needs attention with "send again" when the upload failed, was cancelled or cannot reach the bucket', () => {
    const cases = { failed: 'upload-failed', cancelled: 'upload-cancelled', offline: 'no-connection' } as const;
    for (const [state, reason] of Object.entries(cases)) {
      expect(outcome({ recording: recording('finalized'), upload: upload(state as UploadState) })).toEqual({
        kind: 'needs-attention',
        reason,
        action: 'send-again',
      });
    }
  });

  it('is submitted only once the bucket verified it, with when', () => {
    const verified = upload('uploaded', { verifiedAt: '2026-12-01T10:05:00.000Z' });
    expect(outcome({ recording: recording('uploaded'), upload: verified })).toEqual({ kind: 'submitted', at: '2026-12-01T10:05:00.000Z' });
    // The progress event can arrive before the catalog row changes: verified is verified.
    expect(outcome({ recording: recording('finalized'), upload: verified })).toMatchObject({ kind: 'submitted' });
  });

  it('waits for the Media API too: sending until it is done, then submitted at the later confirmation', () => {
    const verified = upload('uploaded', { verifiedAt: '2026-12-01T10:05:00.000Z' });
    expect(outcome({ recording: recording('uploaded'), upload: verified, sessions: [media('stopping')] })).toEqual({
      kind: 'sending',
      stage: 'uploading',
      bytesSent: 1_000_000,
      bytesTotal: 4_000_000,
      etaSeconds: null,
      retrying: false,
    });
    expect(outcome({ recording: recording('uploaded'), upload: verified, sessions: [media('processing')] })).toMatchObject({
      kind: 'sending',
    });
    const done = media('done', { stoppedAt: '2026-12-01T10:06:00.000Z' });
    expect(outcome({ recording: recording('uploaded'), upload: verified, sessions: [done] })).toEqual({
      kind: 'submitted',
      at: '2026-12-01T10:06:00.000Z',
    });
  });

  it('counts the Media API alone as a receiver when there is no bucket', () => {
    const none = upload('not-configured');
    expect(outcome({ recording: recording('finalized'), upload: none, sessions: [media('stopping')] })).toMatchObject({
      kind: 'sending',
      bytesSent: 1_000_000,
    });
    expect(outcome({ recording: recording('finalized'), upload: none, sessions: [media('done')] })).toEqual({
      kind: 'submitted',
      at: '2026-12-01T10:00:00.000Z',
    });
  });

  it('needs attention with "try the backend again" when the Media API failed or cannot be reached', () => {
    const attention = (reason: string) => ({ kind: 'needs-attention', reason, action: 'retry-backend' });
    const verified = upload('uploaded');
    expect(outcome({ recording: recording('uploaded'), upload: verified, sessions: [media('failed')] })).toEqual(
      attention('backend-failed'),
    );
    expect(outcome({ recording: recording('uploaded'), upload: verified, sessions: [media('missed')] })).toEqual(
      attention('backend-failed'),
    );
    const owed = media('stopping', {
      pending: { kind: 'deliver', state: 'pending', attempts: 3, nextAttemptAt: '', lastError: 'ECONNREFUSED' },
    });
    expect(outcome({ recording: recording('uploaded'), upload: verified, sessions: [owed] })).toEqual(attention('backend-unreachable'));
  });

  it('names the bucket first when both receivers are in trouble', () => {
    expect(outcome({ recording: recording('finalized'), upload: upload('failed'), sessions: [media('failed')] })).toMatchObject({
      reason: 'upload-failed',
      action: 'send-again',
    });
  });
});
