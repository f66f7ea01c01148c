import { useEffect, useState } from 'react';
import type { CloudSession } from '../../../shared/domain/cloud';
import { deliveryOutcome, type DeliveryAction, type DeliveryOutcome } from '../../../shared/domain/delivery-outcome';
import type { RecordingDetail } from '../../../shared/domain/recording';
import type { UploadProgress } from '../../../shared/domain/upload';
import { api } from '../../api';
import { useAction } from '../../hooks/use-action';
import { useCloudSessions } from '../interview/use-cloud-sessions';
import { useFinalize } from './use-finalize';
import { useUpload } from './use-upload';

/** How long an action's button stays disabled after a click: its effect arrives as events, not as its answer. */
const ACTION_PAUSE_MS = 3000;

export interface DeliveryView {
  outcome: DeliveryOutcome | null;
  recording: RecordingDetail | null;
  upload: UploadProgress | null;
  sessions: CloudSession[];
  /** 0…1 of the video file made, while it is being made. */
  finishing: number | null;
  /** An action was just asked for (its button waits a moment). */
  busy: boolean;
  actionError: string | null;
  act(action: DeliveryAction): void;
}

/** One recording's outcome, live: its catalog row, its S3 upload and its interview's backend deliveries. */
export function useDelivery(recordingId: string, interviewId: string): DeliveryView {
  const finalize = useFinalize(recordingId);
  const upload = useUpload(recordingId);
  const sessions = useCloudSessions(interviewId);
  const backend = useAction();
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    if (!busy) return;
    const timer = setTimeout(() => setBusy(false), ACTION_PAUSE_MS);
    return () => clearTimeout(timer);
  }, [busy]);

  const { recording, progress } = finalize;
  const outcome = recording ? deliveryOutcome({ recording, upload: upload.progress, sessions }) : null;
  const act = (action: DeliveryAction) => {
    setBusy(true);
    if (action === 'finish-file') finalize.retry();
    else if (action === 'send-again') upload.retry();
    else backend.act(() => api.retryCloudCalls());
  };
  return {
    outcome,
    recording,
    upload: upload.progress,
    sessions,
    finishing:
      progress && progress.stage !== 'finalized' && progress.stage !== 'failed' && progress.stage !== 'cancelled'
        ? progress.fraction
        : null,
    busy,
    actionError: finalize.actionError ?? upload.actionError ?? backend.actionError,
    act,
  };
}
