import { startRecorderSession } from '../../recorder/recorder-session';
import { browserMedia, type RecorderMedia } from '../../recorder/recorder-media';
import type { SessionApi } from '../../recorder/session-options';
import type { SessionSources } from '../../recorder/session-sources';
import { createBackupCompositor, type BackupCompositor } from './backup-compositor';
import { createCallAudioMixer, type CallAudioMixer } from './call-audio-mixer';

/** The recording settings' defaults (config `recording.*BitsPerSecond`): a 1280×720 call picture and two voices. */
export const BACKUP_BITRATES = { videoBitsPerSecond: 2_500_000, audioBitsPerSecond: 128_000 };

export interface BackupSessionOptions {
  api: SessionApi;
  /** The interviewer's interview (openInterviewerInterview): the backup is one of its recordings. */
  interviewId: string;
  /** The interviewer's own camera and microphone, as published to the call. */
  own: MediaStream;
  /** The candidate's video and audio as received, or undefined while they are not in the call. */
  candidate: MediaStream | undefined;
  /** "Waiting for the candidate", in the interviewer's language: drawn while there is no candidate picture. */
  placeholder: string;
  /** The backup had to stop by itself (disk full, a chunk refused); what was acknowledged is kept. */
  onFatal(reason: string): void;
  bitrates?: typeof BACKUP_BITRATES;
}

/** The interviewer is not proctored: no focus or visibility events go into their interview's record. */
const unwatched: RecorderMedia = { ...browserMedia, watchSignals: () => () => undefined };

/**
 * The interviewer's local backup of the call, through the candidate's recorder session (one-second durable chunks,
 * stop, finalize, verify, upload): its sources are the call composed at 1280×720 and both voices mixed. Nothing
 * of the call ends it — the candidate may leave and come back; only stop, or a full disk, does.
 */
export async function startBackupSession(options: BackupSessionOptions) {
  let candidate = options.candidate;
  let parts: { compositor: BackupCompositor; mixer: CallAudioMixer } | undefined;
  const follow = () => {
    parts?.compositor.showCandidate(candidate?.getVideoTracks()[0]);
    parts?.mixer.hearCandidate(candidate);
  };

  const openSources = async (overlay: { interviewId: string; startedAt: number }): Promise<SessionSources> => {
    const ownVideo = options.own.getVideoTracks()[0];
    if (!ownVideo) throw new Error('No camera track: the backup recording is drawn at the pace of your camera.');
    const compositor = createBackupCompositor(ownVideo, overlay, options.placeholder);
    const mixer = await createCallAudioMixer(options.own).catch((error: unknown) => {
      compositor.stop();
      throw error;
    });
    parts = { compositor, mixer };
    follow();
    return {
      compositor,
      mixer,
      stream: new MediaStream([compositor.track, mixer.track]),
      deviceTracks: [], // nothing of the call ends the backup
      close: async () => {
        compositor.stop();
        await mixer.close();
      },
    };
  };

  const session = await startRecorderSession({
    api: options.api,
    interviewId: options.interviewId,
    kind: 'backup',
    ...(options.bitrates ?? BACKUP_BITRATES),
    onFatal: options.onFatal,
    media: unwatched,
    openSources,
  });
  return {
    recordingId: session.recordingId,
    /** The backup's media time now: where a note typed now falls in the file (the notes' `localMs`). */
    recordedMs: session.recordedMs,
    /** What is being recorded, for a preview. */
    preview: session.preview,
    /** The candidate joined, left or came back with new tracks. */
    setCandidate(stream: MediaStream | undefined): void {
      candidate = stream;
      follow();
    },
    stop: () => session.stop('finished'),
  };
}

export type BackupSession = Awaited<ReturnType<typeof startBackupSession>>;
