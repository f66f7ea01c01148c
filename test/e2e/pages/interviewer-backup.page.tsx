// A test page script injected into the app's own page in the browser host (so `window.api` is the real bridge to
// the core): the interviewer opens their interview, joins the call through the development call server with the
// real provider, and records the local backup with the real hook, as the desk's in-call screen mounts it.
import { useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import type { CallToken } from '../../../src/renderer/features/call/interview-call';
import { createDevCall } from '../../../src/renderer/features/call/providers/dev-call';
import { backupMessages } from '../../../src/renderer/features/interviewer/backup/backup-messages';
import { useBackupRecording, type BackupRecording } from '../../../src/renderer/features/interviewer/backup/use-backup-recording';
import { useMessages } from '../../../src/renderer/i18n/locale-context';

export interface BackupJoin {
  serverUrl: string;
  room: string;
  participantId: string;
  timeoutMs: number;
}

export interface BackupStatus {
  interviewId: string | null;
  state: BackupRecording['state'] | 'not mounted';
  error: string | null;
  recordingId: string | null;
  mediaMs: number | null;
  /** The backup's media time when the candidate's video first played on this page. */
  candidateShownAtMs: number | null;
}

declare global {
  interface Window {
    backupPage: {
      open(join: BackupJoin): Promise<string>;
      status(): BackupStatus;
      /** A note stamped with the backup's clock, as the desk's notes do. */
      note(text: string): Promise<{ localMs: number | null }>;
    };
    irecToken(channel: string, participantId: string): Promise<CallToken>;
  }
}

let hook: BackupRecording | undefined;
let interviewId: string | null = null;
let candidateShownAtMs: number | null = null;

/** The candidate's stream as the desk has it: what the call attached to the candidate's <video>. */
function useCandidateStream(video: HTMLVideoElement): MediaStream | undefined {
  const [stream, setStream] = useState<MediaStream | undefined>();
  useEffect(() => {
    const timer = setInterval(() => {
      const now = video.srcObject instanceof MediaStream && video.srcObject.getTracks().length > 0 ? video.srcObject : undefined;
      setStream((before) => (before === now ? before : now));
      if (candidateShownAtMs === null && video.videoWidth > 0) candidateShownAtMs = hook?.mediaMs() ?? null;
    }, 100);
    return () => clearInterval(timer);
  }, [video]);
  return stream;
}

function BackupPanel({ id, own, video }: { id: string; own: MediaStream; video: HTMLVideoElement }) {
  const candidate = useCandidateStream(video);
  const backup = useBackupRecording({ interviewId: id, candidate, own });
  const t = useMessages(backupMessages);
  hook = backup;
  return (
    <section aria-label="Backup test panel" style={{ position: 'fixed', bottom: 0, left: 0, background: '#fff', zIndex: 10 }}>
      <button type="button" onClick={() => void backup.start()}>
        {t('start')}
      </button>
      <button type="button" onClick={() => void backup.stop()}>
        {t('stop')}
      </button>
    </section>
  );
}

window.backupPage = {
  async open({ serverUrl, room, participantId, timeoutMs }) {
    const own = await navigator.mediaDevices.getUserMedia({ audio: true, video: { width: 640, height: 480 } });
    interviewId = (await window.api.openInterviewerInterview({ provider: 'dev', channel: room, title: 'Backup e2e' })).interviewId;
    const call = createDevCall({ provider: 'dev', channel: room, participantId, displayName: 'Interviewer', serverUrl }, (join) =>
      window.irecToken(join.channel, join.participantId),
    );
    const video = document.createElement('video');
    video.autoplay = true;
    video.muted = true; // plays (so Web Audio receives the candidate's track) without a loop into this page's speakers
    document.body.append(video);
    call.on((event) => {
      if (event.type === 'participant-joined' && !event.participant.isLocal) call.attach(event.participant.id, video);
    });
    await call.connect({ tracks: own.getTracks(), timeoutMs });
    const host = document.body.appendChild(document.createElement('div'));
    createRoot(host).render(<BackupPanel id={interviewId} own={own} video={video} />);
    return interviewId;
  },
  status: () => ({
    interviewId,
    state: hook?.state ?? 'not mounted',
    error: hook?.error ?? null,
    recordingId: hook?.recordingId ?? null,
    mediaMs: hook?.mediaMs() ?? null,
    candidateShownAtMs,
  }),
  async note(text) {
    const localMs = hook?.mediaMs() ?? null;
    const recordingId = hook?.recordingId;
    await window.api.addNote({
      interviewId: interviewId!,
      text,
      ...(recordingId && localMs !== null && { local: { recordingId, mediaMs: localMs } }),
    });
    return { localMs };
  },
};
