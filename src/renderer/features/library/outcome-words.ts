import type { AttentionReason, DeliveryAction, DeliveryOutcome } from '../../../shared/domain/delivery-outcome';
import type { RecordingDetail } from '../../../shared/domain/recording';
import type { outcomeMessages } from './outcome-messages';

type OutcomeKey = keyof (typeof outcomeMessages)['en'];

/** The outcome's name: the finish screen's heading and the recordings list's badge. */
export const OUTCOME_TITLE: Record<DeliveryOutcome['kind'], OutcomeKey> = {
  submitted: 'submitted',
  sending: 'sending',
  'needs-attention': 'needsAttention',
  'saved-locally': 'savedLocally',
  paused: 'paused',
  recording: 'recording',
};

/** What happened, in one sentence, for each reason a recording needs attention. */
export const ATTENTION_TEXT: Record<AttentionReason, OutcomeKey> = {
  'nothing-recorded': 'nothingRecorded',
  'not-finished': 'notFinished',
  'upload-failed': 'uploadFailed',
  'upload-cancelled': 'uploadCancelled',
  'no-connection': 'noConnection',
  'backend-failed': 'backendFailed',
  'backend-unreachable': 'backendUnreachable',
};

export const ACTION_LABEL: Record<DeliveryAction, OutcomeKey> = {
  'finish-file': 'tryAgain',
  'send-again': 'sendAgain',
  'retry-backend': 'sendAgain',
};

/** The one length a recording is shown with: its verified file's when there is one, else what was recorded. */
export function recordingLength(recording: Pick<RecordingDetail, 'outputs' | 'mediaDurationMs' | 'durationMs'>): number | null {
  if (recording.outputs.length > 0) return recording.outputs.reduce((sum, output) => sum + output.durationMs, 0);
  return recording.mediaDurationMs ?? recording.durationMs;
}
