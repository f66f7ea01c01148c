// What the demo reads back from an app through its page's window.api, as the app's own screens do: the Agora
// session, a recording once finalized or uploaded, and its upload. Shared by the candidate's and the interviewer's app.
import type { Page } from 'playwright-core';
import type { AgoraSession, CloudSession } from '../../src/shared/domain/cloud';
import type { RecordingDetail, RecordingOutput } from '../../src/shared/domain/recording';
import type { UploadProgress } from '../../src/shared/domain/upload';

const FINISH_TIMEOUT_MS = 180_000;
const AGORA_STOP_TIMEOUT_MS = 60_000;

/** What the app last heard from the Agora backend's query while the interview runs, as the interview screen shows it. */
export async function cloudHealth(page: Page): Promise<string | undefined> {
  const sessions: CloudSession[] = await page.evaluate(async () => {
    const [latest] = await window.api.listRecordings({ limit: 1 });
    return latest ? window.api.getCloudSessions({ interviewId: latest.interviewId }) : [];
  });
  const agora = sessions.find((session) => session.backend === 'agora' && session.statusCode !== null);
  return agora ? `status ${agora.statusCode}, ${agora.statusText} (checked ${agora.checkedAt})` : undefined;
}

/** The interview's Agora session once its stop went through (the outbox delivers it right after the stop). */
export async function agoraSession(page: Page, interviewId: string): Promise<AgoraSession> {
  const deadline = Date.now() + AGORA_STOP_TIMEOUT_MS;
  for (;;) {
    const sessions: CloudSession[] = await page.evaluate((id) => window.api.getCloudSessions({ interviewId: id }), interviewId);
    const agora = sessions.find((session): session is AgoraSession => session.backend === 'agora');
    if (agora && ['done', 'failed', 'missed'].includes(agora.state)) {
      if (agora.state !== 'done') throw new Error(`the Agora cloud recording ended ${agora.state}: ${agora.error}`);
      return agora;
    }
    if (Date.now() > deadline) throw new Error(`the Agora cloud recording did not finish in time (${agora?.state ?? 'no session'})`);
    await page.waitForTimeout(500);
  }
}

/** The recording once it reaches `state`; a failed finalize ends the demo with its reason. */
export async function recordingIn(page: Page, recordingId: string, state: 'finalized' | 'uploaded'): Promise<RecordingDetail> {
  const wanted = state === 'finalized' ? ['finalized', 'uploaded'] : ['uploaded'];
  const deadline = Date.now() + FINISH_TIMEOUT_MS;
  for (;;) {
    const detail: RecordingDetail = await page.evaluate((id) => window.api.getRecording({ recordingId: id }), recordingId);
    if (wanted.includes(detail.state)) return detail;
    if (detail.state === 'failed') throw new Error(`the recording ${recordingId} failed to finalize: ${detail.error}`);
    if (Date.now() > deadline) throw new Error(`the recording ${recordingId} did not become ${state} in time (it is ${detail.state})`);
    await page.waitForTimeout(500);
  }
}

/** Where the recording's final file went: bucket, key and the size verified there. */
export async function uploadOf(page: Page, recordingId: string): Promise<{ bucket: string; key: string; verifiedSize: number }> {
  const upload: UploadProgress = await page.evaluate((id) => window.api.getUploadProgress({ recordingId: id }), recordingId);
  return { bucket: upload.bucket ?? '', key: upload.key ?? '', verifiedSize: upload.keySize ?? 0 };
}

/** One delivered file as the result prints it. */
export const fileOf = (output: RecordingOutput) => ({
  path: output.filePath,
  container: output.container,
  durationSeconds: output.durationMs / 1000,
  sizeBytes: output.size,
  sha256: output.sha256,
});
