import type { CallBackend } from '../../../../shared/domain/cloud';
import type { StartCloudRecordingRequest } from '../../../../shared/domain/interviewer-cloud';
import { AppError } from '../../../errors/app-error';
import type { InterviewLinks } from '../../catalog/queries/interviews';
import { agoraIdProblems } from '../agora/agora-wire';
import { describeFieldErrors } from '../backend-error';
import type { RecorderTarget, Recorders } from '../recorders/cloud-recorder';

const CALL_NAMES: Record<CallBackend, string> = { agora: 'Agora channel', livekit: 'LiveKit room' };

/**
 * What the interviewer's start records: the backend and channel asked for, else the interview's own (its Agora
 * channel first, as the candidate's path registers both). Refused with words before any session exists.
 */
export function planRecording(
  recorders: Recorders,
  links: InterviewLinks,
  request: StartCloudRecordingRequest,
): { backend: CallBackend; where: RecorderTarget } {
  const backend = request.backend ?? (links.agoraChannel ? 'agora' : links.livekitRoom ? 'livekit' : undefined);
  if (!backend) throw new AppError('INVALID_PAYLOAD', 'Say which backend records the call: agora or livekit.');
  const target = request.channel ?? (backend === 'agora' ? links.agoraChannel : links.livekitRoom);
  if (!target) throw new AppError('INVALID_PAYLOAD', `Interview ${links.id} names no ${CALL_NAMES[backend]}: give one.`);
  const where = recorders[backend].plan({
    ...links,
    agoraChannel: target,
    livekitRoom: target,
    scheduleId: request.scheduleId ?? links.scheduleId,
  });
  if (!where) throw new AppError('INVALID_PAYLOAD', `No ${CALL_NAMES[backend]} to record.`);
  const problems = backend === 'agora' ? agoraIdProblems(where.target, where.uid ?? '') : {};
  if (Object.keys(problems).length)
    throw new AppError('INVALID_PAYLOAD', `Cannot record ${where.target}: ${describeFieldErrors(problems)}`);
  return { backend, where };
}
